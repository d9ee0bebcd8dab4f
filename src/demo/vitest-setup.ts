// Hub tests that open the hub's own database (route handlers called as SvelteKit calls them)
// get it as `npm start` does: migrated, then seeded with the demo data, which the start-up hook
// (hooks.server.ts) arranges in the running hub.
import { prepareHubDatabaseWith } from '$lib/server/db';
import { seedDemoDataWhenWanted } from './index';

prepareHubDatabaseWith(seedDemoDataWhenWanted);
