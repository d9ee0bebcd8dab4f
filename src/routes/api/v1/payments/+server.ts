import type { RequestHandler } from './$types';
import { createPayment, paymentCommand } from '$lib/server/payments';
import { createPaymentRequest } from '$lib/contract';

/** Starts a payment for a fetched bill, before any money moves. Only cash is ever queued offline. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, createPaymentRequest, createPayment, {
		status: 201,
		startsTransaction: { queueable: (body) => body.mode === 'cash' }
	});
