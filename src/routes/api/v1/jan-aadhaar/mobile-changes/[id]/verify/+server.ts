import type { RequestHandler } from './$types';
import { mobileChangeVerifyRequest } from '$lib/contract';
import { verifyMobileChange } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** The OTP and the member's fingerprint: when both pass, the number is changed. */
export const POST: RequestHandler = (event) =>
	departmentRequest(event, mobileChangeVerifyRequest, (deps, kiosk, proof) => verifyMobileChange(deps, kiosk, event.params.id, proof));
