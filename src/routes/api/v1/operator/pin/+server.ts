import type { RequestHandler } from './$types';
import { readJsonBody } from '$lib/server/api/http';
import { consoleEndpoint } from '$lib/server/operators/http';
import { sessionView, setPin } from '$lib/server/operators/sessions';
import { pinRequest } from '$lib/contract';

/** Sets the operator's PIN for re-entering this machine's console (only while it is open). */
export const POST: RequestHandler = (event) =>
	consoleEndpoint(event, async ({ db, active, now }) => {
		const { pin } = await readJsonBody(event.request, pinRequest);
		await setPin(db, active, pin, now);
		return sessionView(db, active);
	});
