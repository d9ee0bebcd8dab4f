import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excessCashPaise, roundUpToNotes } from '$lib/contract';
import { paymentAmounts } from './amounts';
import { chargePaise, PAYMENT_CHARGES } from './charges';

describe('cash rounding', () => {
	it.each([
		[1_700, 2_000],
		[1_200, 2_000],
		[2_000, 2_000],
		[2_001, 3_000],
		[64_837, 65_000],
		[0, 0]
	])('collects %i paise as %i', (due, collected) => {
		expect(roundUpToNotes(due)).toBe(collected);
	});

	it('matches the manual: ₹17 takes ₹20 with ₹3 credited; ₹12 takes ₹20 with ₹8 credited', () => {
		for (const [billPaise, creditedPaise] of [
			[1_700, 300],
			[1_200, 800]
		] as const) {
			const amounts = paymentAmounts(billPaise, 0, { mode: 'cash' });
			expect(amounts.toCollectPaise).toBe(2_000);
			expect(excessCashPaise(2_000, amounts)).toBe(creditedPaise);
		}
	});
});

describe('paymentAmounts', () => {
	it('applies the account’s credit to the bill first', () => {
		expect(paymentAmounts(34_900, 300, { mode: 'cash' })).toEqual({
			billPaise: 34_900,
			creditAppliedPaise: 300,
			payablePaise: 34_600,
			feePaise: 0,
			toCollectPaise: 35_000
		});
		expect(paymentAmounts(5_000, 8_000, { mode: 'card' })).toMatchObject({
			creditAppliedPaise: 5_000,
			payablePaise: 0,
			toCollectPaise: 0
		});
	});

	it('charges cards online as configured, and nothing on the POS or by Aadhaar', () => {
		// Debit: no MDR up to ₹2,000; 0.50% + 18% GST above (₹12.495 → ₹12.50, GST ₹2.25).
		expect(paymentAmounts(200_000, 0, { mode: 'cardOnline', cardKind: 'debit' }).feePaise).toBe(0);
		expect(paymentAmounts(249_900, 0, { mode: 'cardOnline', cardKind: 'debit' })).toMatchObject({
			feePaise: 1_475,
			toCollectPaise: 251_375
		});
		// Credit: 1.50% + GST of ₹1,000 = ₹15 + ₹2.70.
		expect(paymentAmounts(100_000, 0, { mode: 'cardOnline', cardKind: 'credit' }).feePaise).toBe(1_770);
		expect(paymentAmounts(2_345_600, 0, { mode: 'card' }).feePaise).toBe(0);
		expect(paymentAmounts(2_345_600, 0, { mode: 'aadhaar' }).feePaise).toBe(0);
	});

	it('adds a fixed fee and its tax when the configuration has one', () => {
		expect(chargePaise({ fixedPaise: 500, tiers: [{ upToPaise: null, rateBasisPoints: 0 }] }, 10_000)).toBe(590);
		expect(PAYMENT_CHARGES.taxBasisPoints).toBe(1_800);
	});

	it('never loses or invents money, whatever the bill, the credit and the notes', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000_000 }),
				fc.integer({ min: 0, max: 1_000_000 }),
				fc.integer({ min: 0, max: 100_000 }),
				(billPaise, creditPaise, overshootPaise) => {
					const amounts = paymentAmounts(billPaise, creditPaise, { mode: 'cash' });
					const collectedPaise = amounts.toCollectPaise + overshootPaise;
					const creditedPaise = excessCashPaise(collectedPaise, amounts);
					expect(amounts.toCollectPaise % 1_000).toBe(0);
					expect(amounts.toCollectPaise - amounts.payablePaise).toBeGreaterThanOrEqual(0);
					expect(amounts.toCollectPaise - amounts.payablePaise).toBeLessThan(1_000);
					expect(amounts.creditAppliedPaise).toBeLessThanOrEqual(Math.min(billPaise, creditPaise));
					expect(creditedPaise).toBeGreaterThanOrEqual(0);
					// What went in (notes and old credit) is what the biller got plus the new credit.
					expect(collectedPaise + amounts.creditAppliedPaise).toBe(billPaise + creditedPaise);
				}
			)
		);
	});
});
