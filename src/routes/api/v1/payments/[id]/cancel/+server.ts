import type { RequestHandler } from './$types';
import { cancelPayment, paymentCommand } from '$lib/server/payments';
import { cancelRequest } from '$lib/contract';

/** The kiosk gives up on a payment; cash already in becomes a voucher. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, cancelRequest, (deps, kiosk, request, finish) => cancelPayment(deps, kiosk, event.params.id, request, finish));
