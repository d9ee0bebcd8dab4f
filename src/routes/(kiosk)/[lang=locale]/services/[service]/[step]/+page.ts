import { error, redirect } from '@sveltejs/kit';
import { flowIn, loadCatalogue } from '$lib/flows/catalogue';
import { findStep, previousStepId, reachableStepId } from '$lib/flows/engine';
import { menuHref, stepHref } from '$lib/flows/paths';
import { loadWizard } from '$lib/flows/wizard-storage';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent, fetch }) => {
	const { locale } = await parent();
	const flow = flowIn(await loadCatalogue(fetch), params.service);
	const step = flow && findStep(flow, params.step);
	if (!flow || !step) error(404, { message: 'error.pageNotFound' });

	const wizard = loadWizard(sessionStorage, flow.id);
	const reachable = reachableStepId(flow, wizard, step.id);
	if (reachable !== step.id) redirect(307, stepHref(locale, flow.id, reachable));

	const previous = previousStepId(flow, step.id);
	return {
		flow,
		step,
		wizard,
		back: previous ? stepHref(locale, flow.id, previous) : menuHref(locale, flow.menu)
	};
};
