import type { RequestHandler } from './$types';
import { printAttemptRequest } from '$lib/contract';
import { recordPrintAttempt } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** How one print of a paid order went; the first that printed closes the order. */
export const POST: RequestHandler = (event) =>
	departmentRequest(event, printAttemptRequest, (deps, kiosk, attempt) =>
		recordPrintAttempt(deps.db, kiosk, event.params.id, attempt, deps.now())
	);
