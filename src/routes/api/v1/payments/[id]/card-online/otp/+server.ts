import type { RequestHandler } from './$types';
import { confirmCardOtp, paymentCommand } from '$lib/server/payments';
import { cardOnlineOtpRequest } from '$lib/contract';

/** The OTP the citizen received: approved, declined, or wrong (try again). */
export const POST: RequestHandler = (event) =>
	paymentCommand(event, cardOnlineOtpRequest, (deps, kiosk, request, finish) =>
		confirmCardOtp(deps, kiosk, event.params.id, request, finish)
	);
