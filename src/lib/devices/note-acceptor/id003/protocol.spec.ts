import { describe, expect, it } from 'vitest';
import {
	decodeCurrencyAssignment,
	denominationSettingData,
	enabledCodesOf,
	encodeCurrencyAssignment,
	id003FailureDetail,
	id003Rejection
} from './protocol';

describe('ID003 settings and tables', () => {
	it('disables every escrow code whose bit is set', () => {
		const data = denominationSettingData(new Set([0x61, 0x64, 0x69]));

		expect(Array.from(data)).toEqual([0b1111_0110, 0b1111_1110]);
		expect(enabledCodesOf(data)).toEqual(new Set([0x61, 0x64, 0x69]));
	});

	it('disables everything when no code is enabled', () => {
		expect(Array.from(denominationSettingData(new Set()))).toEqual([0xff, 0xff]);
	});

	it('writes note values as base × 10^exponent with a one-byte base', () => {
		const entries = [10, 200, 2000].map((value, index) => ({
			escrowCode: 0x61 + index,
			countryCode: 0x63,
			value
		}));

		const data = encodeCurrencyAssignment(entries);

		expect(Array.from(data)).toEqual([0x61, 0x63, 10, 0, 0x62, 0x63, 200, 0, 0x63, 0x63, 200, 1]);
		expect(decodeCurrencyAssignment(data)).toEqual(entries);
	});

	it('refuses currency assign data that is not whole entries', () => {
		expect(() => decodeCurrencyAssignment(Uint8Array.from([0x61, 0x63, 1]))).toThrow('4-byte entries');
	});

	it('names reject reasons and failures', () => {
		expect(id003Rejection(0x79).reason).toBe('inhibited');
		expect(id003Rejection(0x7d).reason).toBe('length');
		expect(id003Rejection(0x99)).toEqual({ reason: 'other', detail: 'Reject code 0x99' });
		expect(id003FailureDetail(0xa2)).toBe('stacker motor failure');
	});
});
