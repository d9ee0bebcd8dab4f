import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';

export const match = ((param: string) => isLocale(param)) satisfies ParamMatcher;
