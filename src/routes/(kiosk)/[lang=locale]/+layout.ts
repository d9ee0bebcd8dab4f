import type { Locale } from '$lib/contract';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => ({ locale: params.lang as Locale });
