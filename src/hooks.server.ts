import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getPaymentServices, startPaymentJobs } from '$lib/server/payments';
import { guardAdminArea } from '$lib/server/operators/admin-guard';

/**
 * Migrations (and the demo data, unless turned off) run before the hub answers anyone; then the
 * payment jobs start (abandoned payments before midnight IST, posting retries).
 */
export const init: ServerInit = async () => {
	await getDatabase();
	startPaymentJobs(await getPaymentServices());
};

/**
 * The programme office's area needs its session; the page's language is in its first path
 * segment (the second under /admin, /operator and /enrol); the language screen is Hindi first.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const refused = await guardAdminArea(event);
	if (refused) return refused;
	const lang = /^(?:\/(?:admin|operator|enrol))?\/(en|hi)(\/|$)/.exec(event.url.pathname)?.[1] ?? 'hi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

/** Faults are logged with a reference; the kiosk is told only that something went wrong. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = crypto.randomUUID();
	if (status !== 404) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'error.pageNotFound' : 'error.unexpected', code: reference };
};
