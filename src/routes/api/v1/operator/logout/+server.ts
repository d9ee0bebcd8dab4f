import type { RequestHandler } from './$types';
import { consoleEndpoint } from '$lib/server/operators/http';
import { clearSessionCookie, endSession, OPERATOR_COOKIE } from '$lib/server/operators/sessions';

export const POST: RequestHandler = (event) =>
	consoleEndpoint(
		event,
		async ({ db, active, now }) => {
			await endSession(db, active, now);
			clearSessionCookie(event.cookies, OPERATOR_COOKIE, event.url);
			return { loggedOut: true };
		},
		{ allowLocked: true }
	);
