import type { RequestHandler } from './$types';
import { cancelPayment, paymentCommand } from '$lib/server/payments';
import { cancelRequest } from '$lib/contract';

/** The kiosk gives up on a payment; cash already in becomes a voucher. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, cancelRequest, (services, kiosk, request, finish) =>
		cancelPayment(services, kiosk, event.params.id, request, finish)
	);
