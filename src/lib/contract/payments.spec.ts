import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { maskAadhaar, maskCardNumber } from './instruments';
import { aadhaarNumber, billRequest, cardNumber, createPaymentRequest, mobileNumber } from './payments';

const issuesOf = (schema: v.GenericSchema, value: unknown) => {
	const parsed = v.safeParse(schema, value);
	return parsed.success ? [] : parsed.issues.map((issue) => issue.message);
};

describe('the shared field rules', () => {
	it.each([
		['9829012017', '9829012017'],
		['+91 98290 12017', '9829012017'],
		['919829012017', '9829012017'],
		['09829012017', '9829012017'],
		['९८२९०-१२०१७', '9829012017']
	])('reads the mobile number %j as %s', (typed, cleaned) => {
		expect(v.parse(mobileNumber, typed)).toBe(cleaned);
	});

	it.each(['5829012017', '98290120', '+1 9829012017', 'nine'])('refuses the mobile number %j', (typed) => {
		expect(issuesOf(mobileNumber, typed)).toEqual(['format']);
	});

	it('treats a blank mobile or email as none and checks an email only when given', () => {
		expect(v.parse(billRequest, { identifier: '2104 1200 0001', mobile: ' ', email: '' })).toEqual({
			identifier: '210412000001',
			mobile: undefined,
			email: undefined
		});
		expect(issuesOf(billRequest, { identifier: '210412000001', email: 'meena@' })).toEqual(['format']);
		expect(issuesOf(billRequest, { identifier: ' ' })).toEqual(['required']);
	});

	it('takes an Aadhaar number with the Verhoeff check, never one starting with 0 or 1', () => {
		expect(v.parse(aadhaarNumber, '9999 4105 7058')).toBe('999941057058');
		expect(issuesOf(aadhaarNumber, '999941057057')).toEqual(['checksum']);
		expect(issuesOf(aadhaarNumber, '123412341234')).toEqual(['format']);
		expect(issuesOf(aadhaarNumber, '99994105705')).toEqual(['format']);
	});

	it('takes a card number with the Luhn check', () => {
		expect(v.parse(cardNumber, '4111 1111 1111 1111')).toBe('4111111111111111');
		expect(issuesOf(cardNumber, '4111 1111 1111 1112')).toEqual(['checksum']);
	});

	it('knows the payment modes the kiosk offers', () => {
		const request = { billerId: 'jvvnl', identifier: '210412000001', billNumber: 'JV1', language: 'hi' };
		expect(v.safeParse(createPaymentRequest, { ...request, mode: 'cardOnline' }).success).toBe(true);
		expect(v.safeParse(createPaymentRequest, { ...request, mode: 'cheque' }).success).toBe(false);
	});
});

describe('masking', () => {
	it('shows a card’s first six and last four digits only', () => {
		expect(maskCardNumber('4111111111111111')).toBe('411111XXXXXX1111');
		expect(maskCardNumber('607384970000494')).toBe('607384XXXXX0494');
	});

	it('shows an Aadhaar number’s last four digits only', () => {
		expect(maskAadhaar('999941057058')).toBe('XXXX XXXX 7058');
	});
});
