import { error, redirect } from '@sveltejs/kit';
import { flowIn, loadCatalogue } from '$lib/flows/catalogue';
import { firstStepId } from '$lib/flows/engine';
import { stepHref } from '$lib/flows/paths';
import type { PageLoad } from './$types';

/** A service's own address opens its first step. */
export const load: PageLoad = async ({ params, parent, fetch }) => {
	const { locale } = await parent();
	const flow = flowIn(await loadCatalogue(fetch), params.service);
	if (!flow) error(404, { message: 'error.pageNotFound' });
	redirect(307, stepHref(locale, flow.id, firstStepId(flow)));
};
