import type { RequestHandler } from './$types';
import { approveRestart } from '$lib/server/operators/console';
import { consoleEndpoint } from '$lib/server/operators/http';

/** Asked before the console restarts the kiosk app: refused while a payment is in progress. */
export const POST: RequestHandler = (event) =>
	consoleEndpoint(event, async ({ db, kiosk, active, now }) => {
		await approveRestart(db, kiosk, active, now);
		return { restart: true };
	});
