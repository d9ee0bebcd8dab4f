import type { RequestHandler } from './$types';
import { mobileChangeRequest } from '$lib/contract';
import { startMobileChange } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** A Jan Aadhaar member's new mobile number: an OTP goes to it by SMS. */
export const POST: RequestHandler = (event) => departmentRequest(event, mobileChangeRequest, startMobileChange);
