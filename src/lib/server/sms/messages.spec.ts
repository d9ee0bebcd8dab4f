import { describe, expect, it } from 'vitest';
import { postedSms, reversedSms } from './messages';

const facts = { transactionId: '263260012345', billerName: 'Airtel', identifier: '9829012017', billPaise: 1_700, creditedPaise: 300 };

describe('payment SMS', () => {
	it('gives the transaction ID and the credit in the citizen’s language', () => {
		expect(postedSms(facts, 'en')).toBe(
			'e-Mitra+: ₹17 paid to Airtel (9829012017). Transaction ID 263260012345. ₹3 credited to your next bill.'
		);
		expect(postedSms({ ...facts, billerName: 'एयरटेल' }, 'hi')).toBe(
			'ई-मित्र+: एयरटेल (9829012017) के ₹17 बिल का भुगतान हो गया। ट्रांजेक्शन आईडी 263260012345। ₹3 आपके अगले बिल में जमा।'
		);
		expect(postedSms({ ...facts, creditedPaise: 0 }, 'en')).not.toContain('credited');
	});

	it('says when reversed money comes back', () => {
		const reversal = { ...facts, reversedPaise: 186_840, expectedBy: '2026-11-27' };
		expect(reversedSms(reversal, 'en')).toContain('₹1,868.40 returns to your account automatically by 27 Nov 2026');
		expect(reversedSms(reversal, 'hi')).toContain('263260012345');
	});
});
