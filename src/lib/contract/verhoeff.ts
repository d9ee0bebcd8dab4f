/**
 * The Verhoeff check digit (dihedral group D5), which UIDAI puts at the end of every Aadhaar
 * number. It catches every single-digit error and every swap of adjacent digits.
 */
const MULTIPLICATION = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
	[2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
	[3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
	[4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
	[5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
	[6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
	[7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
	[8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
	[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
] as const;

const PERMUTATION = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
	[5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
	[8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
	[9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
	[4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
	[2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
	[7, 0, 4, 6, 9, 1, 3, 2, 5, 8]
] as const;

const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

/** Runs the checksum over the digits from the right, the first one at permutation `offset`. */
function checksum(digits: string, offset: number): number {
	let check = 0;
	const count = digits.length;
	for (let position = 0; position < count; position++) {
		const digit = Number(digits[count - 1 - position]);
		const permuted = PERMUTATION[(position + offset) % 8]![digit]!;
		check = MULTIPLICATION[check]![permuted]!;
	}
	return check;
}

const ONLY_DIGITS = /^\d+$/;

/** True when the last digit is the Verhoeff check digit of the others. */
export function isVerhoeffValid(digits: string): boolean {
	return ONLY_DIGITS.test(digits) && checksum(digits, 0) === 0;
}

/** The digit to append to `digits` so that the whole passes `isVerhoeffValid`. */
export function verhoeffCheckDigit(digits: string): number {
	if (!ONLY_DIGITS.test(digits)) throw new RangeError(`Verhoeff needs digits, got "${digits}"`);
	return INVERSE[checksum(digits, 1)]!;
}
