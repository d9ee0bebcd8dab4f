import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getPaymentServices, startPaymentJobs } from '$lib/server/payments';

/**
 * Migrations (and the demo data, unless turned off) run before the hub answers anyone; then the
 * payment jobs start (abandoned payments before midnight IST, posting retries).
 */
export const init: ServerInit = async () => {
	await getDatabase();
	startPaymentJobs(await getPaymentServices());
};

/** The page's language is in its first path segment; the language screen itself is Hindi first. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = /^\/(en|hi)(\/|$)/.exec(event.url.pathname)?.[1] ?? 'hi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

/** Faults are logged with a reference; the kiosk is told only that something went wrong. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = crypto.randomUUID();
	if (status !== 404) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'error.pageNotFound' : 'error.unexpected', code: reference };
};
