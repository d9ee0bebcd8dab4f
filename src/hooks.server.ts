import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api/http';
import { securityHeaders } from '$lib/server/api/security-headers';
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

/** The path as the router decodes it, or undefined when it is not valid percent-encoding (`%E0%A4%`). */
function decodedPath(pathname: string): string | undefined {
	try {
		return decodeURI(pathname);
	} catch {
		return undefined;
	}
}

/**
 * The programme office's area needs its session (decided on the matched route); the kiosk API
 * answers even a path it cannot decode in JSON; every answer carries the security headers; the
 * page's language is in its first path segment (the second under /admin, /operator and /enrol),
 * and the language screen is Hindi first.
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
	// SvelteKit matches no route for such a path and would answer with an HTML error page.
	if (event.route.id === null && event.url.pathname.startsWith('/api/') && decodedPath(event.url.pathname) === undefined) {
		return new ApiError(400, 'invalid_request', 'The path is not a valid URL path').toResponse();
	}
	const refused = await guardAdminArea(event);
	if (refused) return refused;
	const lang = /^(?:\/(?:admin|operator|enrol))?\/(en|hi)(\/|$)/.exec(event.url.pathname)?.[1] ?? 'hi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
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
