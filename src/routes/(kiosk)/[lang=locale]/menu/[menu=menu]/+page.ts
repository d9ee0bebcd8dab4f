import { flowsInMenu } from '$lib/flows';
import type { MenuId } from '$lib/flows/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
	const { locale } = await parent();
	const menu = params.menu as MenuId;
	return {
		menu,
		services: flowsInMenu(menu).map(({ id, title, icon }) => ({ id, title, icon })),
		back: `/${locale}`
	};
};
