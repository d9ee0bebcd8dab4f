import type { RequestEvent } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { ADMIN_COOKIE, requireAdminSession } from './sessions';

const ADMIN_AREA = /^\/admin(\/|$)/;
const ADMIN_LOGIN = /^\/admin\/(en|hi)\/login\/?$/;

/**
 * Everything under /admin — pages, form actions, CSV exports — needs a programme office session,
 * checked here once, before any route code runs (a layout's load would not cover form actions).
 * Pages send the browser to the login; anything else is refused.
 */
export async function guardAdminArea(event: Pick<RequestEvent, 'url' | 'request' | 'cookies' | 'locals'>): Promise<Response | undefined> {
	const path = event.url.pathname;
	if (!ADMIN_AREA.test(path) || ADMIN_LOGIN.test(path)) return undefined;
	try {
		event.locals.admin = await requireAdminSession(await getDatabase(), event.cookies.get(ADMIN_COOKIE), new Date());
		return undefined;
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		const lang = /^\/admin\/(en|hi)/.exec(path)?.[1] ?? 'en';
		if (event.request.method === 'GET' && error.status === 401) {
			const next = encodeURIComponent(path + event.url.search);
			return new Response(null, { status: 303, headers: { location: `/admin/${lang}/login?next=${next}` } });
		}
		return new Response(error.message, { status: error.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
}
