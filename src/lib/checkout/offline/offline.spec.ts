import { describe, expect, it } from 'vitest';
import { memoryStorage } from '$lib/session/testing/memory-storage';
import { billQuoteFixture } from '../testing/bill-quote';
import { findBill, forgetBill, keepBill } from './bill-cache';
import { offlineCashRefusal } from './offline-cash';

const LIMITS = { maxQueuedHours: 24, maxPaymentPaise: 200_000, maxKioskPaise: 500_000, maxBillAgeHours: 72 };
const NOW = new Date('2026-11-22T06:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const queued = (toCollectPaise: number, createdAt = hoursAgo(1)) => ({ queued: true, toCollectPaise, createdAt });

describe('offlineCashRefusal', () => {
	it('allows a payment within every limit', () => {
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 65_000, billFetchedAt: hoursAgo(2) }, [queued(100_000)], NOW)).toBeNull();
	});

	it('refuses a payment above the per-payment limit', () => {
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 200_010, billFetchedAt: hoursAgo(0) }, [], NOW)).toBe('payment');
	});

	it('counts only queued payments towards the kiosk limit', () => {
		const held = [queued(200_000), queued(200_000), { queued: false, toCollectPaise: 200_000, createdAt: hoursAgo(1) }];
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 100_000, billFetchedAt: hoursAgo(0) }, held, NOW)).toBeNull();
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 100_010, billFetchedAt: hoursAgo(0) }, held, NOW)).toBe('kiosk');
	});

	it('stops offline cash once a queued payment is older than allowed', () => {
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 1_000, billFetchedAt: hoursAgo(0) }, [queued(1_000, hoursAgo(25))], NOW)).toBe(
			'queuedTooLong'
		);
	});

	it('refuses a bill kept too long ago', () => {
		expect(offlineCashRefusal(LIMITS, { toCollectPaise: 1_000, billFetchedAt: hoursAgo(73) }, [], NOW)).toBe('billTooOld');
	});
});

const quote = (identifier: string) => billQuoteFixture({ identifier });

describe('the kept bills', () => {
	it('finds a consumer’s last bill with when it was fetched, and forgets it once paid', () => {
		const storage = memoryStorage();
		keepBill(storage, quote('9829012017'), NOW);
		expect(findBill(storage, 'airtel', '9829012017')).toEqual({ quote: quote('9829012017'), fetchedAt: NOW.toISOString() });
		expect(findBill(storage, 'airtel', '9829012001')).toBeUndefined();
		forgetBill(storage, 'airtel', '9829012017');
		expect(findBill(storage, 'airtel', '9829012017')).toBeUndefined();
	});

	it('keeps the newest 500 bills and ignores a damaged store', () => {
		const storage = memoryStorage();
		for (let index = 0; index < 505; index++) {
			keepBill(storage, quote(`98290${String(index).padStart(5, '0')}`), new Date(NOW.getTime() + index * 1_000));
		}
		expect(findBill(storage, 'airtel', '9829000000')).toBeUndefined();
		expect(findBill(storage, 'airtel', '9829000504')).toBeDefined();
		storage.setItem('emitra.billCache', '{not json');
		expect(findBill(storage, 'airtel', '9829000504')).toBeUndefined();
	});
});
