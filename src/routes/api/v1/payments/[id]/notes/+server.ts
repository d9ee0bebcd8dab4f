import type { RequestHandler } from './$types';
import { paymentCommand, reportNote } from '$lib/server/payments';
import { noteCreditedRequest } from '$lib/contract';

/** A note the acceptor credited; each with its own Idempotency-Key. */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, noteCreditedRequest, (deps, kiosk, note, finish) => reportNote(deps, kiosk, event.params.id, note, finish));
