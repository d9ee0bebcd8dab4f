import { redirect } from '@sveltejs/kit';
import type { Locale } from '$lib/contract';
import { readKioskIdentity } from '$lib/machine/identity';
import type { PageLoad } from './$types';

/** The key store lives in this browser: the enrolment screen renders there only. */
export const ssr = false;

/** An enrolled machine never shows this screen again (a new enrolment replaces the key store first). */
export const load: PageLoad = async ({ params }) => {
	if (await readKioskIdentity()) redirect(307, `/${params.lang}`);
	return { locale: params.lang as Locale };
};
