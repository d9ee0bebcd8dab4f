import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid } from './luhn';
import { isVerhoeffValid, verhoeffCheckDigit } from './verhoeff';

describe('the Verhoeff check digit', () => {
	it('matches the published example and UIDAI’s test Aadhaar numbers', () => {
		expect(verhoeffCheckDigit('236')).toBe(3);
		expect(isVerhoeffValid('2363')).toBe(true);
		expect(isVerhoeffValid('999941057058')).toBe(true);
		expect(isVerhoeffValid('999971658847')).toBe(true);
	});

	it('catches every single-digit error and every swap of neighbouring digits', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{11}$/), fc.nat(11), fc.integer({ min: 1, max: 9 }), (body, position, shift) => {
				const valid = body + verhoeffCheckDigit(body);
				expect(isVerhoeffValid(valid)).toBe(true);
				const digits = [...valid];
				digits[position] = String((Number(digits[position]) + shift) % 10);
				expect(isVerhoeffValid(digits.join(''))).toBe(false);
				const swapped = [...valid];
				const [here, next] = [valid[position]!, valid[position + 1]!];
				if (position < 11 && here !== next) {
					swapped.splice(position, 2, next, here);
					expect(isVerhoeffValid(swapped.join(''))).toBe(false);
				}
			})
		);
	});

	it('refuses what is not digits', () => {
		expect(isVerhoeffValid('')).toBe(false);
		expect(isVerhoeffValid('23 63')).toBe(false);
		expect(() => verhoeffCheckDigit('2a6')).toThrow(RangeError);
	});
});

describe('the Luhn check', () => {
	it.each(['4111111111111111', '5555555555554444', '6073849700004947', '4000000000000002'])('accepts %s', (number) => {
		expect(isLuhnValid(number)).toBe(true);
	});

	it.each(['4111111111111112', '6521000000000000', '', '4111-1111-1111-1111'])('refuses %j', (number) => {
		expect(isLuhnValid(number)).toBe(false);
	});

	it('catches every single-digit error', () => {
		fc.assert(
			fc.property(fc.nat(15), fc.integer({ min: 1, max: 9 }), (position, shift) => {
				const digits = [...'4111111111111111'];
				digits[position] = String((Number(digits[position]) + shift) % 10);
				expect(isLuhnValid(digits.join(''))).toBe(false);
			})
		);
	});
});
