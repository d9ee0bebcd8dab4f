import type { Locale } from '$lib/contract';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params, locals }) => ({
	locale: params.lang as Locale,
	admin: locals.admin ? { ssoId: locals.admin.operator.sso_id, name: locals.admin.operator.name } : undefined
});
