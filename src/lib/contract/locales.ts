/** The kiosk's two languages, in the order the first screen offers them. */
export const LOCALES = ['hi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl: India's conventions (lakh grouping, day-month-year) in both languages. */
export const INTL_TAG: Record<Locale, string> = { hi: 'hi-IN', en: 'en-IN' };

/** The name of each language written in itself, as citizens recognise it. */
export const LANGUAGE_NAME: Record<Locale, string> = { hi: 'हिन्दी', en: 'English' };
