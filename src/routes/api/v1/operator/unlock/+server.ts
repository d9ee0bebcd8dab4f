import type { RequestHandler } from './$types';
import { readJsonBody } from '$lib/server/api/http';
import { consoleEndpoint } from '$lib/server/operators/http';
import { unlockWithPin } from '$lib/server/operators/sessions';
import { pinRequest } from '$lib/contract';

export const POST: RequestHandler = (event) =>
	consoleEndpoint(
		event,
		async ({ db, active, now }) => {
			const { pin } = await readJsonBody(event.request, pinRequest);
			await unlockWithPin(db, active, pin, now);
			return { locked: false };
		},
		{ allowLocked: true }
	);
