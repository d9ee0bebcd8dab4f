import { randomInt } from 'node:crypto';
import { istDate } from './india-time';

/**
 * A 12-digit e-Mitra transaction ID: the IST year and day of the year (YYDDD), so support staff
 * can tell when a receipt is from, then 7 random digits. Fits the 8–12 digits citizens type into
 * "transaction status"; a clash with an earlier ID is caught by the primary key and redrawn.
 */
export function newTransactionId(now: Date): string {
	const date = istDate(now);
	const dayOfYear = Math.round((Date.parse(date) - Date.parse(`${date.slice(0, 4)}-01-01`)) / 86_400_000) + 1;
	return `${date.slice(2, 4)}${String(dayOfYear).padStart(3, '0')}${randomDigits(7)}`;
}

/** Random decimal digits, e.g. for reference numbers. */
export function randomDigits(count: number): string {
	return Array.from({ length: count }, () => randomInt(10)).join('');
}

// No 0/O, 1/I/L: the code is read off a thermal receipt and typed on a keypad.
const VOUCHER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A voucher code like `7KQ4-MX2P`: 31⁸ ≈ 8.5 × 10¹¹ codes, redrawn on the rare clash. */
export function newVoucherCode(): string {
	const pick = () => VOUCHER_ALPHABET[randomInt(VOUCHER_ALPHABET.length)];
	const half = () => Array.from({ length: 4 }, pick).join('');
	return `${half()}-${half()}`;
}
