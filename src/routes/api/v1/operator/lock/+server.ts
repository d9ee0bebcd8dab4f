import type { RequestHandler } from './$types';
import { consoleEndpoint } from '$lib/server/operators/http';
import { lockSession } from '$lib/server/operators/sessions';

/** The operator left the console: it stays logged in but opens again only with the PIN. */
export const POST: RequestHandler = (event) =>
	consoleEndpoint(
		event,
		async ({ db, active }) => {
			await lockSession(db, active);
			return { locked: true };
		},
		{ allowLocked: true }
	);
