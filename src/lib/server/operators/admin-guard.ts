import { error, type RequestEvent } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { ADMIN_COOKIE, requireAdminSession, type ActiveSession } from './sessions';

/** The one programme office route open without a session. */
const ADMIN_LOGIN_ROUTE = '/admin/[lang=locale]/login';

/**
 * Whether a matched route belongs to the programme office. Decided on the route SvelteKit chose,
 * never on the raw URL: the router decodes the path (`/%61dmin/en` is `/admin/en`), so a test on
 * the text of the URL can be walked around.
 */
export function isAdminRoute(routeId: string | null): boolean {
	return routeId !== null && (routeId === '/admin' || routeId.startsWith('/admin/')) && routeId !== ADMIN_LOGIN_ROUTE;
}

type GuardEvent = Pick<RequestEvent, 'url' | 'request' | 'cookies' | 'locals' | 'route' | 'params'>;

/**
 * Everything under /admin — pages, their `__data.json`, form actions, CSV exports — needs a
 * programme office session, checked here before any route code runs (a layout's load would not
 * cover form actions). Pages send the browser to the login; anything else is refused. Every
 * load, action and endpoint checks again with `requireAdmin`, so a route the hook somehow missed
 * still leaks nothing.
 */
export async function guardAdminArea(event: GuardEvent): Promise<Response | undefined> {
	if (!isAdminRoute(event.route.id)) return undefined;
	try {
		event.locals.admin = await requireAdminSession(await getDatabase(), event.cookies.get(ADMIN_COOKIE), new Date());
		return undefined;
	} catch (problem) {
		if (!(problem instanceof ApiError)) throw problem;
		const lang = event.params.lang === 'hi' ? 'hi' : 'en';
		if (event.request.method === 'GET' && problem.status === 401) {
			const next = encodeURIComponent(event.url.pathname + event.url.search);
			return new Response(null, { status: 303, headers: { location: `/admin/${lang}/login?next=${next}` } });
		}
		return new Response(problem.message, { status: problem.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
}

/**
 * The programme office administrator behind this request, for every admin load, action and
 * endpoint: the session the hook found, or — should the hook ever not have run for this route —
 * the session checked here and now. No session, no data.
 */
export async function requireAdmin(event: Pick<RequestEvent, 'locals' | 'cookies'>): Promise<ActiveSession> {
	if (event.locals.admin) return event.locals.admin;
	try {
		event.locals.admin = await requireAdminSession(await getDatabase(), event.cookies.get(ADMIN_COOKIE), new Date());
		return event.locals.admin;
	} catch (problem) {
		if (problem instanceof ApiError) error(problem.status, 'error.unexpected');
		throw problem;
	}
}
