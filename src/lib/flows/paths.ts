import type { Locale } from '$lib/contract';

/** The URL names the step, so browser Back, reload and deep links all land on it. */
export const stepHref = (locale: Locale, serviceId: string, stepId: string) => `/${locale}/services/${serviceId}/${stepId}`;

export const menuHref = (locale: Locale, menu: string) => `/${locale}/menu/${menu}`;
