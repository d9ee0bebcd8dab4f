import type { RequestHandler } from './$types';
import { createPayment, paymentCommand } from '$lib/server/payments';
import { createPaymentRequest } from '$lib/payments/protocol';

/** Starts a payment for a fetched bill, before any money moves. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, createPaymentRequest, createPayment, { status: 201, startsTransaction: true });
