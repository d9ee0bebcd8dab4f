import type { ParamMatcher } from '@sveltejs/kit';
import { MENUS, type MenuId } from '$lib/flows/types';

export const match = ((param: string): param is MenuId => (MENUS as readonly string[]).includes(param)) satisfies ParamMatcher;
