import { flowsIn, loadCatalogue } from '$lib/flows/catalogue';
import type { MenuId } from '$lib/flows/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent, fetch }) => {
	const { locale } = await parent();
	const menu = params.menu as MenuId;
	const catalogue = await loadCatalogue(fetch);
	return {
		menu,
		services: flowsIn(catalogue, menu).map(({ id, title, icon, available, worksOffline }) => ({
			id,
			title,
			icon,
			available,
			worksOffline
		})),
		catalogueComplete: catalogue.complete,
		back: `/${locale}`
	};
};
