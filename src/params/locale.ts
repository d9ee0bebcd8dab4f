import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale } from '$lib/contract';

export const match = ((param: string) => isLocale(param)) satisfies ParamMatcher;
