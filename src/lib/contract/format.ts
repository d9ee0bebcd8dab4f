import { INTL_TAG, type Locale } from './locales';

/** Every date and time on the kiosk is shown on Rajasthan's clock, whatever the machine's zone. */
export const KIOSK_TIME_ZONE = 'Asia/Kolkata';

const rupeeFormats = new Map<string, Intl.NumberFormat>();

/** ₹ with Indian lakh grouping: 150000 paise → "₹1,500", 12345678900 → "₹12,34,56,789". */
export function formatRupees(paise: number, locale: Locale): string {
	if (!Number.isInteger(paise)) throw new RangeError(`paise must be an integer, got ${paise}`);
	const wholeRupees = paise % 100 === 0;
	const key = `${locale}:${wholeRupees}`;
	let format = rupeeFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(INTL_TAG[locale], {
			style: 'currency',
			currency: 'INR',
			numberingSystem: 'latn',
			minimumFractionDigits: wholeRupees ? 0 : 2,
			maximumFractionDigits: wholeRupees ? 0 : 2
		});
		rupeeFormats.set(key, format);
	}
	return format.format(paise / 100);
}

/** A calendar date such as "22 Nov 2026" / "22 नव॰ 2026". */
export function formatDate(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: KIOSK_TIME_ZONE,
		numberingSystem: 'latn'
	}).format(new Date(iso));
}

/**
 * A calendar date on a government document, with the month written out as the departments write
 * it: "16 October 2026" / "16 अक्टूबर 2026". The document's dates are days (YYYY-MM-DD), not
 * instants, so they are read and written in UTC and never shift with the time zone.
 */
export function formatDocumentDate(isoDate: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
		numberingSystem: 'latn'
	}).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A date with the time of day, for receipts and status updates. */
export function formatDateTime(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone: KIOSK_TIME_ZONE,
		numberingSystem: 'latn'
	}).format(new Date(iso));
}

/** How long ago something happened, in the largest whole unit: "3 hours ago" / "3 घंटे पहले". */
export function formatAge(iso: string, now: Date, locale: Locale): string {
	const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
	const units: [Intl.RelativeTimeFormatUnit, number][] = [
		['day', 86_400],
		['hour', 3_600],
		['minute', 60]
	];
	const [unit, size] = units.find(([, length]) => seconds >= length) ?? ['minute', 60];
	const format = new Intl.RelativeTimeFormat(INTL_TAG[locale], {
		numeric: 'auto',
		numberingSystem: 'latn'
	} as Intl.RelativeTimeFormatOptions);
	return format.format(-Math.floor(seconds / size), unit);
}
