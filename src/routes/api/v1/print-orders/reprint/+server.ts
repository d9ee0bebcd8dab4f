import type { RequestHandler } from './$types';
import { reprintRequest } from '$lib/contract';
import { findReprint } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** A paid print that did not come out, found by its receipt's reference, to print free. */
export const POST: RequestHandler = (event) =>
	departmentRequest(event, reprintRequest, (deps, kiosk, request) =>
		findReprint(deps, kiosk, request.receiptReference, event.url.origin)
	);
