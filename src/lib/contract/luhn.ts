const ONLY_DIGITS = /^\d+$/;

/** The Luhn (mod 10) check every payment card number ends with; catches any single-digit typo. */
export function isLuhnValid(digits: string): boolean {
	if (!ONLY_DIGITS.test(digits)) return false;
	let sum = 0;
	for (let position = 0; position < digits.length; position++) {
		const digit = Number(digits[digits.length - 1 - position]);
		const doubled = position % 2 === 1 ? digit * 2 : digit;
		sum += doubled > 9 ? doubled - 9 : doubled;
	}
	return sum % 10 === 0;
}
