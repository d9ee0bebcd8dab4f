import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api/http';
import { isCrossSiteForm, isUnusableUrl } from '$lib/server/api/requests';
import { securityHeaders } from '$lib/server/api/security-headers';
import { getDatabase, prepareHubDatabaseWith } from '$lib/server/db';
import { seedDemoDataWhenWanted } from '$demo';
import { getPaymentDeps, startPaymentJobs } from '$lib/server/payments';
import { guardAdminArea } from '$lib/server/operators/admin-guard';

// The demo data (unless DEMO_DATA=0) goes into a new database right after its migrations.
prepareHubDatabaseWith(seedDemoDataWhenWanted);

/**
 * Migrations (and the demo data, unless turned off) run before the hub answers anyone; then the
 * payment jobs start (abandoned payments before midnight IST, posting retries).
 */
export const init: ServerInit = async () => {
	await getDatabase();
	startPaymentJobs(await getPaymentDeps());
};

/**
 * Before any route: unusable URLs and cross-site forms are refused (in JSON under /api); the
 * programme office's area needs its session (decided on the matched route). After: the API's
 * 405s are JSON too; every answer carries the security headers; the page's language is in its
 * first path segment (the second under /admin, /operator and /enrol), and the language screen is
 * Hindi first.
 */
export const handle: Handle = async (input) => {
	const response = await answer(input);
	const add = (headers: Headers) => {
		for (const [name, value] of Object.entries(securityHeaders(input.event.url))) {
			if (!headers.has(name)) headers.set(name, value);
		}
	};
	try {
		add(response.headers);
		return response;
	} catch {
		// Its headers are immutable (a Response.redirect, a fetched response): send a copy with them.
		const copy = new Response(response.body, response);
		add(copy.headers);
		return copy;
	}
};

const answer: Handle = async ({ event, resolve }) => {
	const api = event.url.pathname.startsWith('/api/');
	const refuse = (status: number, code: 'invalid_request' | 'cross_site_request', message: string) =>
		api
			? new ApiError(status, code, message).toResponse()
			: new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	// SvelteKit would answer these with an HTML page, or pass a NUL on to the database.
	if (isUnusableUrl(event.url)) return refuse(400, 'invalid_request', 'The path or query is not valid');
	if (isCrossSiteForm(event.request, event.url)) {
		return refuse(403, 'cross_site_request', `Cross-site ${event.request.method} form submissions are forbidden`);
	}
	const refused = await guardAdminArea(event);
	if (refused) return refused;
	const lang = /^(?:\/(?:admin|operator|enrol))?\/(en|hi)(\/|$)/.exec(event.url.pathname)?.[1] ?? 'hi';
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
	// A method an endpoint does not have: SvelteKit says so in plain text; the API says it in JSON.
	if (api && response.status === 405 && !response.headers.get('content-type')?.includes('json')) {
		const refusal = new ApiError(405, 'method_not_allowed', `${event.request.method} is not a method of this endpoint`).toResponse();
		const allow = response.headers.get('allow');
		if (allow) refusal.headers.set('allow', allow);
		return refusal;
	}
	return response;
};

/**
 * Faults are logged with a reference; the kiosk is told only that something went wrong. A
 * request SvelteKit itself refuses (a 4xx: no such page, a path it cannot decode) is the
 * client's mistake, not a fault, and is not logged.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = crypto.randomUUID();
	if (status >= 500) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'error.pageNotFound' : 'error.unexpected', code: reference };
};
