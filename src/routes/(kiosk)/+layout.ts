import { redirect } from '@sveltejs/kit';
import { readKioskIdentity } from '$lib/machine/identity';
import type { LayoutLoad } from './$types';

/**
 * Kiosk screens render in the browser only: they live on sessionStorage and the kiosk's devices,
 * and a shell without server rendering is what the service worker can keep for offline use.
 */
export const ssr = false;

/** A machine that is not enrolled shows the installer's enrolment screen instead of the citizen's. */
export const load: LayoutLoad = async ({ params }) => {
	if (!(await readKioskIdentity())) redirect(307, `/enrol/${params.lang ?? 'hi'}`);
};
