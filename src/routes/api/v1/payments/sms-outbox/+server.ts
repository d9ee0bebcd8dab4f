import type { RequestHandler } from './$types';
import { ApiError } from '$lib/server/api/http';
import { kioskQuery } from '$lib/server/payments';
import { listSmsOutbox, smsOutboxReadable } from '$lib/server/sms';

const SHOWN_MESSAGES = 20;

/**
 * The SMS this kiosk's payments sent, for the tester panel's simulated phone. It holds citizens'
 * numbers and OTPs, so it exists only on a hub that simulates SMS (`SMS_SIMULATOR=1`).
 */
export const GET: RequestHandler = (event) =>
	kioskQuery(event, async (deps, kiosk) => {
		if (!smsOutboxReadable()) throw new ApiError(404, 'unknown_route', 'This hub sends real SMS; there is no simulated phone to read');
		return { messages: await listSmsOutbox(deps.db, kiosk.code, SHOWN_MESSAGES) };
	});
