import type { RequestHandler } from './$types';
import { kioskQuery } from '$lib/server/payments';
import { listSmsOutbox } from '$lib/server/sms';

const SHOWN_MESSAGES = 20;

/** The SMS this kiosk's payments sent, for the tester panel (the default SMS adapter only stores them). */
export const GET: RequestHandler = (event) =>
	kioskQuery(event, async (services, kiosk) => ({
		messages: await listSmsOutbox(services.db, kiosk.code, SHOWN_MESSAGES)
	}));
