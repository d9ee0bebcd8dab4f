import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '$lib/server/db/testing/engines';
import { DEMO_KIOSK_OPERATORS, seedDemoData } from '$demo';
import { findKiosk, operatorOfKiosk } from '$lib/server/fleet';
import type { PaymentMode } from '$lib/contract';
import { quoteBill } from './bills';
import { cancelPayment } from './cancel';
import { completeCashPayment, reportNote } from './cash';
import { addCredit, creditBalance, takeCredit } from './credits';
import { cancelAbandonedPayments, startPaymentJobs } from './jobs';
import { retryDuePostings } from './settle';
import { addBill, creditOf, finish, openPaymentTestBed, refusalOf, startPayment, walletOf, type PaymentTestBed } from './testing/bed';
import { holdForPayment, openWallet, topUpWallet, walletBalance } from './wallet';

/** 22 Nov 2026 in Rajasthan, as UTC instants (IST = UTC + 5:30). */
const IST = {
	nov21At2350: new Date('2026-11-21T18:20:00.000Z'),
	nov22At0000_30: new Date('2026-11-21T18:30:30.000Z'),
	nov22At1000: new Date('2026-11-22T04:30:00.000Z'),
	nov22At2350: new Date('2026-11-22T18:20:00.000Z'),
	nov22At2354: new Date('2026-11-22T18:24:00.000Z'),
	nov22At2359: new Date('2026-11-22T18:29:00.000Z'),
	nov23At0001: new Date('2026-11-22T18:31:00.000Z')
};

describe.each(engines)('cash payments, the wallet and the midnight job on %s', (engine) => {
	let bed: PaymentTestBed;

	beforeAll(async () => {
		bed = await openPaymentTestBed(engine);
	});
	afterAll(() => bed.close());

	const insertNotes = async (transactionId: string, ...rupees: number[]) => {
		for (const value of rupees) await reportNote(bed.deps, bed.kiosk, transactionId, { valuePaise: (value * 100) as 1_000 }, finish);
	};
	const complete = (transactionId: string) => completeCashPayment(bed.deps, bed.kiosk, transactionId, finish);

	it('takes a ₹20 note for the ₹17 bill, credits ₹3 and applies it to the next bill', async () => {
		const airtel = { identifier: '9829012017' };
		const first = await quoteBill(bed.deps, bed.kiosk, 'airtel', airtel);
		expect(first).toMatchObject({
			bill: { billNumber: 'AT2610012017', amountPaise: 1_700, overdue: true },
			creditAvailablePaise: 0,
			payablePaise: 1_700,
			modes: { cash: { available: true, toCollectPaise: 2_000 } }
		});
		const payment = await startPayment(
			bed,
			{ billerId: 'airtel', identifier: '9829012017', billNumber: 'AT2610012017', amountPaise: 1_700 },
			'cash',
			{ mobile: undefined }
		);
		expect(payment).toMatchObject({ status: 'awaiting_payment', amounts: { toCollectPaise: 2_000 } });
		await insertNotes(payment.transactionId, 20);
		const receipt = await complete(payment.transactionId);
		expect(receipt).toMatchObject({
			status: 'posted',
			amounts: { billPaise: 1_700, collectedPaise: 2_000, creditedPaise: 300 },
			posting: { pending: false, billerReference: expect.any(String) },
			notes: [{ valuePaise: 2_000 }]
		});

		const next = await quoteBill(bed.deps, bed.kiosk, 'airtel', airtel);
		expect(next).toMatchObject({
			bill: { billNumber: 'AT2611012017', amountPaise: 34_900 },
			creditAvailablePaise: 300,
			creditAppliedPaise: 300,
			payablePaise: 34_600,
			modes: { cash: { toCollectPaise: 35_000 }, card: { toCollectPaise: 34_600 } }
		});
		const second = await startPayment(
			bed,
			{ billerId: 'airtel', identifier: '9829012017', billNumber: 'AT2611012017', amountPaise: 34_900 },
			'cash'
		);
		await insertNotes(second.transactionId, 200, 100, 50);
		expect(await complete(second.transactionId)).toMatchObject({
			status: 'posted',
			amounts: { creditAppliedPaise: 300, collectedPaise: 35_000, creditedPaise: 400 }
		});
		expect(await creditOf(bed, { billerId: 'airtel', identifier: '9829012017', billNumber: '', amountPaise: 0 })).toBe(400);

		// The SMS goes to the bill's own number when no other mobile was given.
		const sms = await bed.db.selectFrom('sms_outbox').selectAll().where('payment_id', '=', payment.transactionId).execute();
		expect(sms).toEqual([expect.objectContaining({ mobile: '9829012017', language: 'en' })]);
		expect(sms[0]?.body).toContain(payment.transactionId);
	});

	it('holds the bill amount on the wallet while cash goes in and debits it when posted', async () => {
		const bill = await addBill(bed.db, 123_456);
		const before = await walletOf(bed);
		const payment = await startPayment(bed, bill, 'cash');
		expect(await walletOf(bed)).toEqual({
			...before,
			heldPaise: before.heldPaise + 123_456,
			availablePaise: before.availablePaise - 123_456
		});
		await insertNotes(payment.transactionId, 500, 500, 200, 50);
		await complete(payment.transactionId);
		expect(await walletOf(bed)).toEqual({
			balancePaise: before.balancePaise - 123_456,
			heldPaise: before.heldPaise,
			availablePaise: before.availablePaise - 123_456
		});
		const ledger = await bed.db
			.selectFrom('wallet_ledger')
			.selectAll()
			.where('payment_id', '=', payment.transactionId)
			.orderBy('id')
			.execute();
		expect(ledger.map((row) => [row.kind, row.amount_paise, row.balance_after_paise])).toEqual([
			['hold', 123_456, before.balancePaise],
			['debit', 123_456, before.balancePaise - 123_456]
		]);
	});

	it('refuses to complete before the amount is in', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 4_500), 'cash');
		await insertNotes(payment.transactionId, 20, 20);
		expect(await refusalOf(complete(payment.transactionId))).toEqual({ status: 409, code: 'amount_not_reached' });
	});

	it('credits every rupee of an overshooting note the citizen lets in', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 1_700), 'cash');
		await insertNotes(payment.transactionId, 500);
		expect(await complete(payment.transactionId)).toMatchObject({ status: 'posted', amounts: { creditedPaise: 48_300 } });
	});

	it('cancels with a voucher for the cash already in, releasing the hold and restoring the credit', async () => {
		const bill = await addBill(bed.db, 1_200);
		const earlier = await startPayment(bed, bill, 'cash');
		await insertNotes(earlier.transactionId, 50);
		await complete(earlier.transactionId);
		expect(await creditOf(bed, bill)).toBe(3_800);

		const next = await addBill(bed.db, 9_000, { billerId: bill.billerId, identifier: bill.identifier, billDate: '2026-11-10' });
		const walletBefore = await walletOf(bed);
		const payment = await startPayment(bed, next, 'cash');
		expect(payment.amounts).toMatchObject({ creditAppliedPaise: 3_800, payablePaise: 5_200, toCollectPaise: 6_000 });
		expect(await creditOf(bed, bill)).toBe(0);
		await insertNotes(payment.transactionId, 20);

		const cancelled = await cancelPayment(bed.deps, bed.kiosk, payment.transactionId, { reason: 'timeout' }, finish);
		expect(cancelled).toMatchObject({
			status: 'cancelled',
			cancelReason: 'timeout',
			amounts: { collectedPaise: 2_000, creditedPaise: 2_000 },
			vouchers: [{ code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/), amountPaise: 2_000 }]
		});
		expect(await walletOf(bed)).toEqual(walletBefore);
		expect(await creditOf(bed, bill)).toBe(3_800 + 2_000);
		// Cancelling again answers the same; a cancelled payment cannot be completed.
		expect(await cancelPayment(bed.deps, bed.kiosk, payment.transactionId, { reason: 'timeout' }, finish)).toEqual(cancelled);
		expect(await refusalOf(complete(payment.transactionId))).toEqual({ status: 409, code: 'payment_cancelled' });
	});

	it('turns a note reported after the payment was closed into a voucher of its own', async () => {
		const bill = await addBill(bed.db, 2_000);
		const payment = await startPayment(bed, bill, 'cash');
		await insertNotes(payment.transactionId, 20);
		await complete(payment.transactionId);
		const late = await reportNote(bed.deps, bed.kiosk, payment.transactionId, { valuePaise: 10_000 }, finish);
		expect(late).toMatchObject({
			status: 'posted',
			amounts: { collectedPaise: 12_000, creditedPaise: 10_000 },
			vouchers: [{ amountPaise: 10_000 }]
		});
		expect(await creditOf(bed, bill)).toBe(10_000);
	});

	it('keeps a refused cash payment paid and posts it when a later try succeeds', async () => {
		const bill = await addBill(bed.db, 41_250, { rejectsPostings: true });
		const walletBefore = await walletOf(bed);
		const payment = await startPayment(bed, bill, 'cash');
		await insertNotes(payment.transactionId, 200, 200, 20);
		const receipt = await complete(payment.transactionId);
		expect(receipt).toMatchObject({ status: 'paid', posting: { pending: true }, amounts: { creditedPaise: 750 } });
		// The hold stays until the biller has the money.
		expect((await walletOf(bed)).heldPaise).toBe(walletBefore.heldPaise + 41_250);

		bed.clock.now = new Date(bed.clock.now.getTime() + 10 * 60_000);
		expect(await retryDuePostings(bed.deps)).toContain('paid');
		await bed.db.updateTable('reference_consumers').set({ rejects_postings: 0 }).where('identifier', '=', bill.identifier).execute();
		bed.clock.now = new Date(bed.clock.now.getTime() + 10 * 60_000);
		expect(await retryDuePostings(bed.deps)).toEqual(['posted']);
		expect(await walletOf(bed)).toEqual({
			...walletBefore,
			balancePaise: walletBefore.balancePaise - 41_250,
			availablePaise: walletBefore.availablePaise - 41_250
		});
		const row = await bed.db.selectFrom('payments').selectAll().where('id', '=', payment.transactionId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'posted', posting_attempts: 2 });
	});

	it('refuses cash above the biller’s cash limit but not at it', async () => {
		const above = await quoteBill(bed.deps, bed.kiosk, 'avvnl', { identifier: '110212345699', mobile: '9414012345' });
		expect(above.modes.cash).toEqual({ available: false, reason: 'cash_limit_exceeded' });
		expect(above.modes.card).toEqual({ available: true, feePaise: 0, toCollectPaise: 2_345_600 });
		const atLimit = await quoteBill(bed.deps, bed.kiosk, 'jvvnl', { identifier: '210412000098', mobile: '9414012345' });
		expect(atLimit.modes.cash).toEqual({ available: true, feePaise: 0, toCollectPaise: 2_000_000 });
		const bill = { billerId: 'avvnl', identifier: '110212345699', billNumber: 'AV2611345699', amountPaise: 2_345_600 };
		expect(await refusalOf(startPayment(bed, bill, 'cash'))).toEqual({ status: 422, code: 'cash_limit_exceeded' });
	});

	it('refuses cash when the operator’s wallet cannot cover the bill, and offers the cards', async () => {
		const lowWalletKiosk = await findKiosk(bed.db, 'K4521096');
		if (lowWalletKiosk === undefined) throw new Error('no demo kiosk K4521096');
		const bill = await addBill(bed.db, 1_600);
		const quote = await quoteBill(bed.deps, lowWalletKiosk, bill.billerId, { identifier: bill.identifier, mobile: '9414012345' });
		expect(quote.modes.cash).toEqual({ available: false, reason: 'wallet_insufficient' });
		expect(quote.modes.aadhaar).toMatchObject({ available: true });
		expect(await refusalOf(startPayment(bed, bill, 'cash', {}, lowWalletKiosk))).toEqual({ status: 422, code: 'wallet_insufficient' });
		expect(await startPayment(bed, bill, 'card', {}, lowWalletKiosk)).toMatchObject({ status: 'awaiting_payment' });
	});

	it('never loses a paisa: notes in = bill paid + credit, and the wallet pays exactly the bill', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 500_000 }),
				fc.array(fc.constantFrom(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), { maxLength: 6 }),
				async (billPaise, firstNotes) => {
					const bill = await addBill(bed.db, billPaise, { billerId: 'phed' });
					const wallet = await walletOf(bed);
					const payment = await startPayment(bed, bill, 'cash');
					let collected = 0;
					// Whatever notes come first, ₹500 notes follow until the amount is reached.
					for (const note of [...firstNotes, ...Array<number>(10).fill(50_000)]) {
						if (collected >= payment.amounts.toCollectPaise) break;
						collected = (await reportNote(bed.deps, bed.kiosk, payment.transactionId, { valuePaise: note as 1_000 }, finish))
							.amounts.collectedPaise;
					}
					const receipt = await complete(payment.transactionId);
					expect(receipt.status).toBe('posted');
					expect(receipt.amounts.collectedPaise).toBe(billPaise + receipt.amounts.creditedPaise);
					expect(receipt.amounts.creditedPaise).toBeGreaterThanOrEqual(0);
					expect(await creditOf(bed, bill)).toBe(receipt.amounts.creditedPaise);
					expect(await walletOf(bed)).toEqual({
						...wallet,
						balancePaise: wallet.balancePaise - billPaise,
						availablePaise: wallet.availablePaise - billPaise
					});
				}
			),
			{ numRuns: 8 }
		);
	});

	describe('wallets, credits and their ledgers', () => {
		let paymentId: string;

		beforeAll(async () => {
			paymentId = (await startPayment(bed, await addBill(bed.db, 1_000), 'card')).transactionId;
		});

		it('maps one operator to each machine, and refuses a second mapping either way', async () => {
			expect(await operatorOfKiosk(bed.db, 'K1234567')).toMatchObject({ sso_id: 'SURESHSHARMA1984', role: 'lsp-kiosk-admin' });
			expect(await operatorOfKiosk(bed.db, 'K6104735')).toBeUndefined();
			const mapping = (kioskCode: string, ssoId: string) =>
				bed.db
					.insertInto('kiosk_operators')
					.values({ kiosk_code: kioskCode, operator_sso_id: ssoId, mapped_at: bed.clock.now.toISOString() })
					.execute();
			await expect(mapping('K6104735', 'SURESHSHARMA1984')).rejects.toThrow(/unique/i);
			await expect(mapping('K1234567', 'MEENAKUMARI1990')).rejects.toThrow(/unique|primary/i);
		});

		it('opens each demo wallet once with a top-up in its ledger, however often the seed runs', async () => {
			await seedDemoData(bed.db);
			const topUps = await bed.db.selectFrom('wallet_ledger').selectAll().where('kind', '=', 'top_up').orderBy('id').execute();
			expect(topUps.map((row) => [row.operator_sso_id, row.amount_paise, row.balance_after_paise])).toEqual(
				DEMO_KIOSK_OPERATORS.map(({ ssoId, walletPaise }) => [ssoId, walletPaise, walletPaise])
			);
		});

		it('never lets holds that race exceed the wallet', async () => {
			const ssoId = 'RACE.TEST';
			await bed.db
				.insertInto('operators')
				.values({ sso_id: ssoId, name: 'Race Test', role: 'kiosk-operator', created_at: bed.clock.now.toISOString() })
				.execute();
			await bed.db.transaction().execute(async (trx) => {
				await openWallet(trx, ssoId, bed.clock.now);
				await topUpWallet(trx, ssoId, 1_500, bed.clock.now);
			});
			const holds = await Promise.all(
				Array.from({ length: 8 }, () =>
					bed.db.transaction().execute((trx) => holdForPayment(trx, ssoId, paymentId, 600, bed.clock.now))
				)
			);
			expect(holds.filter(Boolean)).toHaveLength(2);
			expect(await walletBalance(bed.db, ssoId)).toEqual({ balancePaise: 1_500, heldPaise: 1_200, availablePaise: 300 });
			await expect(
				bed.db.updateTable('operator_wallets').set({ held_paise: 1_600 }).where('operator_sso_id', '=', ssoId).execute()
			).rejects.toThrow(/check/i);
		});

		it('never spends the same credit twice when payments race for it', async () => {
			const account = { billerId: 'phed', identifier: '210300004507' };
			await bed.db.transaction().execute((trx) => addCredit(trx, account, 'excess_cash', 500, paymentId, bed.clock.now));
			const taken = await Promise.all(
				Array.from({ length: 4 }, () =>
					bed.db.transaction().execute((trx) => takeCredit(trx, account, 300, paymentId, bed.clock.now))
				)
			);
			expect(taken.reduce((sum, paise) => sum + paise, 0)).toBe(500);
			expect(await creditBalance(bed.db, account)).toBe(0);
			const ledger = await bed.db
				.selectFrom('credit_ledger')
				.select(['kind', 'amount_paise', 'balance_after_paise'])
				.where('identifier', '=', account.identifier)
				.orderBy('id')
				.execute();
			expect(ledger.at(-1)).toEqual({ kind: 'applied', amount_paise: 200, balance_after_paise: 0 });
		});

		it.each(['wallet_ledger', 'credit_ledger', 'payment_audit'] as const)('lets nobody change or remove a row of %s', async (table) => {
			await expect(bed.db.updateTable(table).set({ at: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
			await expect(bed.db.deleteFrom(table).execute()).rejects.toThrow(/append-only/);
		});
	});

	describe('the midnight job', () => {
		beforeEach(async () => {
			// Each test starts on a clean day: nothing open is left from the one before.
			await cancelAbandonedPayments(bed.db, new Date('2026-12-31T00:00:00.000Z'));
		});

		const startAt = async (instant: Date, mode: PaymentMode, amountPaise = 4_500) => {
			bed.clock.now = instant;
			return startPayment(bed, await addBill(bed.db, amountPaise), mode);
		};
		const statusOf = async (id: string) =>
			(await bed.db.selectFrom('payments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

		it('cancels at 23:59 IST what is still open that day, cash in becoming a voucher', async () => {
			const wallet = await walletOf(bed);
			const cash = await startAt(IST.nov22At2350, 'cash');
			await reportNote(bed.deps, bed.kiosk, cash.transactionId, { valuePaise: 1_000 }, finish);
			const card = await startAt(IST.nov22At2354, 'card');

			expect(await cancelAbandonedPayments(bed.db, IST.nov22At2359)).toEqual({
				cancelled: [cash.transactionId, card.transactionId],
				paid: []
			});
			expect(await statusOf(cash.transactionId)).toBe('cancelled');
			expect(await statusOf(card.transactionId)).toBe('cancelled');
			const vouchers = await bed.db.selectFrom('vouchers').selectAll().where('payment_id', '=', cash.transactionId).execute();
			expect(vouchers).toEqual([expect.objectContaining({ amount_paise: 1_000 })]);
			expect(await walletOf(bed)).toEqual(wallet);
			// Running it again finds nothing more to do.
			expect(await cancelAbandonedPayments(bed.db, IST.nov22At2359)).toEqual({ cancelled: [], paid: [] });
		});

		it('at start-up, cancels earlier days’ open payments but not today’s', async () => {
			const yesterday = await startAt(IST.nov21At2350, 'cash');
			const today = await startAt(IST.nov22At0000_30, 'cash');
			expect(await cancelAbandonedPayments(bed.db, IST.nov22At1000)).toEqual({ cancelled: [yesterday.transactionId], paid: [] });
			expect(await statusOf(today.transactionId)).toBe('awaiting_payment');
		});

		it('at 00:01 IST, cancels what was left open just before midnight', async () => {
			const late = await startAt(IST.nov22At2354, 'cardOnline');
			expect(await cancelAbandonedPayments(bed.db, IST.nov23At0001)).toEqual({ cancelled: [late.transactionId], paid: [] });
		});

		it('pays, rather than cancels, a cash payment whose money was all in, and posts it later', async () => {
			const payment = await startAt(IST.nov22At2350, 'cash', 1_700);
			await reportNote(bed.deps, bed.kiosk, payment.transactionId, { valuePaise: 2_000 }, finish);
			expect(await cancelAbandonedPayments(bed.db, IST.nov22At2359)).toEqual({ cancelled: [], paid: [payment.transactionId] });
			bed.clock.now = IST.nov23At0001;
			expect(await retryDuePostings(bed.deps)).toEqual(['posted']);
			const bill = await bed.db
				.selectFrom('payments')
				.select(['biller_id', 'identifier'])
				.where('id', '=', payment.transactionId)
				.executeTakeFirstOrThrow();
			expect(await creditOf(bed, { billerId: bill.biller_id, identifier: bill.identifier, billNumber: '', amountPaise: 0 })).toBe(
				300
			);
		});

		it('sweeps earlier days as soon as the hub starts', async () => {
			const payment = await startAt(IST.nov21At2350, 'card');
			bed.clock.now = IST.nov22At1000;
			const jobs = startPaymentJobs(bed.deps);
			await jobs.stop();
			expect(await statusOf(payment.transactionId)).toBe('cancelled');
		});
	});
});
