import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDocumentDate, formatRupees } from './format';
import { cleanNumberInput, normaliseDigits } from './digits';

describe('formatRupees', () => {
	it('groups by lakh and crore in both languages', () => {
		expect(formatRupees(12_345_678_900, 'en')).toBe('₹12,34,56,789');
		expect(formatRupees(12_345_678_900, 'hi')).toBe('₹12,34,56,789');
		expect(formatRupees(150_000, 'en')).toBe('₹1,500');
	});

	it('shows paise only when there are some', () => {
		expect(formatRupees(1_705, 'en')).toBe('₹17.05');
		expect(formatRupees(2_000, 'hi')).toBe('₹20');
		expect(formatRupees(0, 'en')).toBe('₹0');
	});

	it('refuses fractional paise, which would mean money lost in floating point', () => {
		expect(() => formatRupees(10.5, 'en')).toThrow(RangeError);
	});
});

describe('dates', () => {
	it('uses India time, so a late-evening UTC instant is already the next day', () => {
		expect(formatDate('2026-11-21T20:00:00Z', 'en')).toBe('22 Nov 2026');
	});

	it('writes Hindi month names with ASCII digits', () => {
		const hindi = formatDate('2026-03-05T06:00:00Z', 'hi');
		expect(hindi).toMatch(/^5 /);
		expect(hindi).toContain('मार्च');
		expect(hindi).toContain('2026');
	});

	it('writes a document’s day with the month in full, the same day in any time zone', () => {
		expect(formatDocumentDate('2026-10-16', 'en')).toBe('16 October 2026');
		expect(formatDocumentDate('2026-10-16', 'hi')).toBe('16 अक्टूबर 2026');
		expect(formatDocumentDate('2026-01-01', 'en')).toBe('1 January 2026');
	});

	it('includes the time of day on request', () => {
		expect(formatDateTime('2026-11-22T04:30:00Z', 'en')).toMatch(/22 Nov 2026.*10:00\s?am/i);
	});
});

describe('digit input', () => {
	it('turns Devanagari digits into ASCII', () => {
		expect(normaliseDigits('२६११२२०००१')).toBe('2611220001');
		expect(normaliseDigits('K-१२३')).toBe('K-123');
	});

	it('drops the spaces and hyphens people type between groups', () => {
		expect(cleanNumberInput(' 2611 २२०-००१ ')).toBe('2611220001');
	});
});

describe('mobile numbers', () => {
	it('drop the +91, 91 or 0 people write in front', async () => {
		const { withoutIndiaPrefix } = await import('./digits');
		expect(['+919414012345', '919414012345', '09414012345', '9414012345'].map(withoutIndiaPrefix)).toEqual(Array(4).fill('9414012345'));
		expect(withoutIndiaPrefix('91941401234')).toBe('91941401234');
	});
});
