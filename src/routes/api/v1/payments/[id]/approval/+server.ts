import type { RequestHandler } from './$types';
import { paymentCommand, recordApproval } from '$lib/server/payments';
import { approvalRequest } from '$lib/contract';

/** What the card terminal (or an AePS device) approved; the hub then posts the bill. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, approvalRequest, (deps, kiosk, approval, finish) =>
		recordApproval(deps, kiosk, event.params.id, approval, finish)
	);
