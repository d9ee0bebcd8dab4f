import type { RequestHandler } from './$types';
import { consoleEndpoint } from '$lib/server/operators/http';
import { sessionView } from '$lib/server/operators/sessions';

/** Who is logged in on this machine, whether the console is locked, and whether a PIN is set. */
export const GET: RequestHandler = (event) => consoleEndpoint(event, ({ db, active }) => sessionView(db, active), { allowLocked: true });
