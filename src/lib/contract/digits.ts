const DEVANAGARI_ZERO = 0x0966;

/** Devanagari digits (०-९) typed on a Hindi keyboard become ASCII digits. */
export function normaliseDigits(text: string): string {
	return text.replace(/[०-९]/g, (digit) => String(digit.charCodeAt(0) - DEVANAGARI_ZERO));
}

/** A number as citizens type it: Devanagari digits allowed, spaces and hyphens ignored. */
export function cleanNumberInput(text: string): string {
	return normaliseDigits(text).replace(/[\s-]/g, '');
}

/** A 10-digit Indian mobile number written with its country or trunk prefix: +91, 91 or 0. */
export function withoutIndiaPrefix(digits: string): string {
	return digits.replace(/^(?:\+91|91|0)(?=\d{10}$)/, '');
}
