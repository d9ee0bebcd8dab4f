// The hub the browser tests talk to: the production build on a fresh SQLite file of its own, so
// every run starts from the demo data and never touches data/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './setup.js';

const folder = path.join(root, 'test-results', 'e2e-database');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
process.env.DATABASE_FILE = path.join(folder, 'emitra.sqlite');
delete process.env.DATABASE_URL;

await import(path.join(root, 'build', 'index.js'));

// The simulated RD Service the fingerprint tests drive, on the first free port the kiosk searches.
const { startRdServiceSimulator } = await import('./rd-service-simulator.js');
const rdService = await startRdServiceSimulator({ captureDelayMs: 50 });
console.log(`RD Service simulator on ${rdService.url}`);
