import type { RequestHandler } from './$types';
import { aadhaarPayFingerprint, payByAadhaar, paymentCommand } from '$lib/server/payments';
import { aadhaarPayRequest, MAX_PID_BLOCK_LENGTH } from '$lib/contract';

/** Aadhaar number, bank and fingerprint (PID block) → approved and posted, or declined. */
export const POST: RequestHandler = (event) =>
	paymentCommand(
		event,
		aadhaarPayRequest,
		(deps, kiosk, request, finish) => payByAadhaar(deps, kiosk, event.params.id, request, finish),
		{ fingerprint: aadhaarPayFingerprint, maxBytes: MAX_PID_BLOCK_LENGTH + 1024 }
	);
