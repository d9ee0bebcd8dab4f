import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { engines } from '$lib/server/db/testing/engines';
import { findKiosk } from '$lib/server/fleet';
import { BillerUnavailableError, listBillers, ReferenceBillerAdapter } from '$lib/server/billers';
import { DEMO_BILLS } from '$demo';
import { billerList, billQuote, paymentView } from '$lib/contract';
import { quoteBill } from './bills';
import { addBill, openPaymentTestBed, refusalOf, startPayment, type PaymentTestBed } from './testing/bed';

describe.each(engines)('fetching and starting bill payments on %s', (engine) => {
	let bed: PaymentTestBed;

	beforeAll(async () => {
		bed = await openPaymentTestBed(engine);
	});
	afterAll(() => bed.close());

	const quote = (billerId: string, identifier: string, mobile?: string) =>
		quoteBill(bed.deps, bed.kiosk, billerId, { identifier, mobile, email: undefined });

	it('answers with the shared schema: name masked, every mode with its amount', async () => {
		const answer = await quote('jdvvnl', '410123456799', '9414012345');
		expect(v.parse(billQuote, answer)).toEqual(answer);
		expect(answer).toMatchObject({
			consumerNameMasked: 'B******** R** J**',
			bill: { billNumber: 'JD2611456799', amountPaise: 249_900, dueDate: '2026-11-30', overdue: false },
			modes: {
				cash: { available: true, toCollectPaise: 250_000 },
				card: { available: true, feePaise: 0 },
				cardOnline: { available: true, debit: { feePaise: 1_475 }, credit: { feePaise: 4_424 } },
				aadhaar: { available: true, feePaise: 0 }
			}
		});
	});

	it('says so when the consumer is unknown, the bill is paid or the biller is down', async () => {
		expect(await refusalOf(quote('jvvnl', '210412999999', '9414012345'))).toEqual({ status: 404, code: 'unknown_consumer' });
		expect(await refusalOf(quote('phed', '210300004599', '9414012345'))).toEqual({ status: 409, code: 'bill_already_paid' });
		expect(await refusalOf(quote('kedl', '310512345601', '9414012345'))).toEqual({ status: 424, code: 'biller_unavailable' });
		expect(await refusalOf(quote('gas', '310512345601'))).toEqual({ status: 404, code: 'unknown_biller' });
	});

	it('says so when the biller’s own system does not answer', async () => {
		const down = {
			...bed.deps,
			billers: () => ({
				...bed.deps.billers('jvvnl'),
				fetchBill: async () => {
					throw new BillerUnavailableError('no route to host');
				}
			})
		};
		expect(await refusalOf(quoteBill(down, bed.kiosk, 'jvvnl', { identifier: '210412000001', mobile: '9414012345' }))).toEqual({
			status: 424,
			code: 'biller_unavailable'
		});
	});

	it('checks the identifier and the mobile against the biller’s rules', async () => {
		expect(await refusalOf(quote('jvvnl', '21041200000', '9414012345'))).toEqual({
			status: 400,
			code: 'invalid_fields',
			fields: { identifier: 'format' }
		});
		expect(await refusalOf(quote('phed', '210300004501'))).toEqual({
			status: 400,
			code: 'invalid_fields',
			fields: { mobile: 'required' }
		});
		// Postpaid mobile: the bill's own number is enough.
		expect(await quote('airtel', '9829012001')).toMatchObject({ bill: { billNumber: 'AT2611012001' } });
		expect(await refusalOf(quote('bsnl-landline', '1412745601', '9414012345'))).toMatchObject({ code: 'invalid_fields' });
	});

	it('starts one payment per bill at a time and none for a bill that changed or was paid', async () => {
		const bill = await addBill(bed.db, 10_000);
		expect(await refusalOf(startPayment(bed, { ...bill, billNumber: 'OLD-BILL' }, 'cash'))).toEqual({
			status: 409,
			code: 'bill_changed'
		});
		const payment = await startPayment(bed, bill, 'card');
		expect(v.parse(paymentView, payment)).toEqual(payment);
		expect(await refusalOf(startPayment(bed, bill, 'cash'))).toEqual({ status: 409, code: 'bill_payment_in_progress' });
		expect(
			await refusalOf(
				startPayment(bed, { billerId: 'idea', identifier: '9772012099', billNumber: 'ID2611012099', amountPaise: 49_900 }, 'cash')
			)
		).toEqual({
			status: 409,
			code: 'bill_already_paid'
		});
	});

	it('lets only a kiosk with an operator take payments', async () => {
		const unmapped = await findKiosk(bed.db, 'K6104735');
		if (unmapped === undefined) throw new Error('no demo kiosk K6104735');
		expect(await refusalOf(quoteBill(bed.deps, unmapped, 'airtel', { identifier: '9829012002' }))).toEqual({
			status: 403,
			code: 'kiosk_unmapped'
		});
	});

	it('starts nothing in the last minutes of the IST day', async () => {
		const bill = await addBill(bed.db, 10_000);
		bed.clock.now = new Date('2026-11-22T18:26:00.000Z'); // 23:56 IST
		try {
			const closing = await quote(bill.billerId, bill.identifier, '9414012345');
			expect(closing.modes.cash).toEqual({ available: false, reason: 'day_closing' });
			expect(closing.modes.cardOnline).toEqual({ available: false, reason: 'day_closing' });
			expect(await refusalOf(startPayment(bed, bill, 'aadhaar'))).toEqual({ status: 422, code: 'day_closing' });
		} finally {
			bed.clock.now = new Date('2026-11-22T06:00:00.000Z');
		}
	});

	it('offers no card for a bill the account’s credit already covers', async () => {
		const bill = await addBill(bed.db, 1_500);
		await bed.db
			.insertInto('credit_accounts')
			.values({ biller_id: bill.billerId, identifier: bill.identifier, balance_paise: 5_000, updated_at: '2026-11-22T06:00:00.000Z' })
			.execute();
		const covered = await quote(bill.billerId, bill.identifier, '9414012345');
		expect(covered).toMatchObject({
			creditAppliedPaise: 1_500,
			payablePaise: 0,
			modes: { cash: { available: true, toCollectPaise: 0 } }
		});
		expect(covered.modes.card).toEqual({ available: false, reason: 'covered_by_credit' });
	});

	describe('the billers', () => {
		it('lists the manual’s billers in menu order with their rules, the one that is down unavailable', async () => {
			const billers = await listBillers(bed.db);
			expect(v.parse(billerList, { billers })).toEqual({ billers });
			expect(billers.map((biller) => [biller.id, biller.available])).toEqual([
				['airtel', true],
				['vodafone', true],
				['idea', true],
				['phed', true],
				['jvvnl', true],
				['avvnl', true],
				['jdvvnl', true],
				['kedl', false],
				['bsnl-landline', true],
				['bsnl-mobile', true]
			]);
			expect(billers.find((biller) => biller.id === 'phed')).toMatchObject({
				name: { hi: 'जन स्वास्थ्य अभियांत्रिकी विभाग' },
				identifier: { label: { en: 'CID number' }, length: 12, isMobile: false },
				mobileRequired: true,
				cashLimitPaise: null
			});
			expect(billers.find((biller) => biller.id === 'jvvnl')).toMatchObject({
				identifier: { label: { hi: 'के-क्रमांक' } },
				cashLimitPaise: 2_000_000
			});
		});

		it('has demo bills that fit their biller’s rules, with unique bill numbers', async () => {
			const billers = new Map((await listBillers(bed.db)).map((biller) => [biller.id, biller]));
			for (const bill of DEMO_BILLS) {
				const biller = billers.get(bill.billerId);
				expect(bill.identifier, bill.billNumber).toMatch(new RegExp(biller?.identifier.pattern ?? '^$'));
				expect(bill.identifier).toHaveLength(biller?.identifier.length ?? 0);
			}
			expect(new Set(DEMO_BILLS.map((bill) => `${bill.billerId}/${bill.billNumber}`)).size).toBe(DEMO_BILLS.length);
			for (const billerId of billers.keys())
				expect(DEMO_BILLS.filter((bill) => bill.billerId === billerId).length).toBeGreaterThan(0);
		});

		it('posts once per reference and takes a posting back when asked', async () => {
			const bill = await addBill(bed.db, 7_500);
			const adapter = new ReferenceBillerAdapter(bed.db, bill.billerId, () => bed.clock.now);
			const request = { reference: '263260000001', billNumber: bill.billNumber, amountPaise: 7_500 };
			const posted = await adapter.postPayment(request);
			expect(posted).toMatchObject({ status: 'posted' });
			expect(await adapter.postPayment(request)).toEqual(posted);
			expect(await adapter.postPayment({ ...request, reference: '263260000002' })).toEqual({
				status: 'rejected',
				reason: 'bill_already_paid'
			});
			expect(await adapter.fetchBill(bill.identifier)).toMatchObject({ kind: 'paid' });
			expect(await adapter.reverse(request.reference)).toEqual({ reversed: true });
			expect(await adapter.reverse(request.reference)).toEqual({ reversed: false });
			expect(await adapter.fetchBill(bill.identifier)).toMatchObject({ kind: 'due', bill: { billNumber: bill.billNumber } });
			expect(await adapter.postPayment({ ...request, reference: '263260000003', amountPaise: 7_000 })).toEqual({
				status: 'rejected',
				reason: 'amount_mismatch'
			});
		});
	});
});
