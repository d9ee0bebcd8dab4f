import { redirect } from '@sveltejs/kit';
import type { Locale } from '$lib/contract';
import { consoleAccess } from '$lib/console/console-session';
import type { LayoutLoad } from './$types';

/**
 * Every console page needs the operator logged in on this machine — the device check, the Chrome
 * check and the payments page too. Only the login and PIN screens are reachable without; the hub
 * checks the session again on every call it answers.
 */
export const load: LayoutLoad = async ({ params, url, fetch }) => {
	const locale = params.lang as Locale;
	const here = url.pathname;
	const next = encodeURIComponent(url.searchParams.get('next') ?? here);
	if (here === `/operator/${locale}/login`) return { locale, session: undefined };
	const access = await consoleAccess(fetch);
	if (access.kind === 'login') redirect(307, `/operator/${locale}/login?next=${next}`);
	if (here === `/operator/${locale}/pin`) {
		if (access.kind === 'open') redirect(307, `/operator/${locale}`);
		return { locale, session: access.session };
	}
	if (access.kind === 'pin') redirect(307, `/operator/${locale}/pin?next=${next}`);
	return { locale, session: access.session };
};
