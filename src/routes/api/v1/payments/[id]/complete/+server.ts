import type { RequestHandler } from './$types';
import { completeCashPayment, paymentCommand } from '$lib/server/payments';
import { completeRequest } from '$lib/contract';

/** The cash is all in: mark paid, post the bill, answer with the receipt. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, completeRequest, (deps, kiosk, _body, finish) => completeCashPayment(deps, kiosk, event.params.id, finish));
