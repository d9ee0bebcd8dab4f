import type { RequestHandler } from './$types';
import { cardStartFingerprint, paymentCommand, startCardOnline } from '$lib/server/payments';
import { cardOnlineStartRequest } from '$lib/contract';

/** Card number and expiry → the card charge and an OTP sent to the citizen. */
export const POST: RequestHandler = (event) =>
	paymentCommand(
		event,
		cardOnlineStartRequest,
		(deps, kiosk, card, finish) => startCardOnline(deps, kiosk, event.params.id, card, finish),
		{ fingerprint: cardStartFingerprint }
	);
