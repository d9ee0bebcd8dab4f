import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '$lib/server/db/testing/engines';
import type { BillerAdapter } from '$lib/server/billers';
import type { PaymentView } from '$lib/contract';
import { payByAadhaar } from './aadhaar';
import { recordApproval } from './approvals';
import { cancelPayment } from './cancel';
import { completeCashPayment, reportNote } from './cash';
import { confirmCardOtp, startCardOnline } from './card-online';
import { REFERENCE_OTP } from './gateways/reference-card-gateway';
import type { PaymentDeps } from './deps';
import { addBill, creditOf, finish, openPaymentTestBed, refusalOf, startPayment, walletOf, type PaymentTestBed } from './testing/bed';

const posApproval = (payment: PaymentView, rrn = '633312345678') => ({
	mode: 'card' as const,
	authCode: 'A1B2C3',
	rrn,
	maskedPan: '607384XXXXXX4947',
	cardType: 'rupay' as const,
	amountPaise: payment.amounts.toCollectPaise
});

describe.each(engines)('card and Aadhaar payments on %s', (engine) => {
	let bed: PaymentTestBed;

	beforeAll(async () => {
		bed = await openPaymentTestBed(engine);
	});
	afterAll(() => bed.close());

	const approve = (payment: PaymentView, deps: PaymentDeps = bed.deps, approval = posApproval(payment)) =>
		recordApproval(deps, bed.kiosk, payment.transactionId, approval, finish);

	/** The reference biller, except that posting does what the test says. */
	const withPosting = (
		postPayment: BillerAdapter['postPayment'],
		reverse: BillerAdapter['reverse'] = async () => ({ reversed: false })
	) => ({
		...bed.deps,
		billers: (billerId: string) => ({ ...bed.deps.billers(billerId), postPayment, reverse })
	});

	it('posts a card payment from the POS terminal and leaves the wallet alone', async () => {
		const wallet = await walletOf(bed);
		const payment = await startPayment(bed, await addBill(bed.db, 54_321), 'card');
		expect(payment).toMatchObject({ status: 'awaiting_payment', amounts: { feePaise: 0, toCollectPaise: 54_321 } });
		expect(await approve(payment)).toMatchObject({
			status: 'posted',
			amounts: { collectedPaise: 54_321, creditedPaise: 0 },
			instrument: { masked: '607384XXXXXX4947', label: 'rupay', authCode: 'A1B2C3', rrn: '633312345678' },
			posting: { pending: false }
		});
		expect(await walletOf(bed)).toEqual(wallet);
	});

	it('answers a repeated approval with the payment and refuses a second, different one', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 10_000), 'card');
		const posted = await approve(payment);
		expect(await approve(payment)).toEqual(posted);
		expect(await refusalOf(approve(payment, bed.deps, posApproval(payment, '999912345678')))).toEqual({
			status: 409,
			code: 'payment_already_paid'
		});
	});

	it('reverses the charge when the biller refuses the bill, and gives the credit back', async () => {
		const bill = await addBill(bed.db, 1_200);
		const first = await startPayment(bed, bill, 'cash');
		await recordNoteAndComplete(first);
		expect(await creditOf(bed, bill)).toBe(800);

		const refused = await addBill(bed.db, 187_640, {
			billerId: bill.billerId,
			identifier: bill.identifier,
			billDate: '2026-11-15',
			rejectsPostings: true
		});
		await bed.db.updateTable('reference_consumers').set({ rejects_postings: 1 }).where('identifier', '=', bill.identifier).execute();
		const payment = await startPayment(bed, refused, 'card');
		expect(payment.amounts).toMatchObject({ creditAppliedPaise: 800, toCollectPaise: 186_840 });
		expect(await approve(payment)).toMatchObject({
			status: 'reversed',
			reversal: { amountPaise: 186_840, reason: 'posting_failed', expectedBy: '2026-11-27' }
		});
		expect(await creditOf(bed, bill)).toBe(800);
		const sms = await bed.db.selectFrom('sms_outbox').select('body').where('payment_id', '=', payment.transactionId).execute();
		expect(sms.map((message) => message.body)).toEqual([expect.stringContaining('27 Nov')]);
	});

	async function recordNoteAndComplete(payment: PaymentView) {
		await reportNote(bed.deps, bed.kiosk, payment.transactionId, { valuePaise: 2_000 }, finish);
		return completeCashPayment(bed.deps, bed.kiosk, payment.transactionId, finish);
	}

	it('reverses only after making sure the biller has nothing when it did not answer', async () => {
		const reversals: string[] = [];
		const silent = withPosting(
			async () => {
				throw new Error('timeout');
			},
			async (reference) => {
				reversals.push(reference);
				return { reversed: false };
			}
		);
		const payment = await startPayment(bed, await addBill(bed.db, 30_000), 'card');
		expect(await approve(payment, silent)).toMatchObject({ status: 'reversed', reversal: { reason: 'posting_failed' } });
		expect(reversals).toEqual([payment.transactionId]);
	});

	it('keeps the charge and tries again when the biller can neither be paid nor asked', async () => {
		const unreachable = withPosting(
			async () => {
				throw new Error('timeout');
			},
			async () => {
				throw new Error('timeout');
			}
		);
		const payment = await startPayment(bed, await addBill(bed.db, 30_000), 'card');
		expect(await approve(payment, unreachable)).toMatchObject({ status: 'paid', posting: { pending: true } });
	});

	it('reverses a charge for the wrong amount', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 30_000), 'card');
		const wrong = { ...posApproval(payment), amountPaise: 3_000 };
		expect(await approve(payment, bed.deps, wrong)).toMatchObject({
			status: 'reversed',
			reversal: { reason: 'amount_mismatch', amountPaise: 3_000 }
		});
	});

	it('reverses an approval that arrives after the payment was cancelled (an unknown outcome resolved late)', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 30_000), 'card');
		await cancelPayment(bed.deps, bed.kiosk, payment.transactionId, { reason: 'device_failed' }, finish);
		expect(await approve(payment)).toMatchObject({
			status: 'reversed',
			cancelReason: 'device_failed',
			reversal: { reason: 'late_approval', amountPaise: 30_000 },
			instrument: { rrn: '633312345678' }
		});
	});

	it('refuses an approval for a payment in another mode', async () => {
		const payment = await startPayment(bed, await addBill(bed.db, 30_000), 'cash');
		expect(await refusalOf(approve(payment))).toEqual({ status: 409, code: 'wrong_mode' });
	});

	describe('card online with OTP', () => {
		const start = (payment: PaymentView, cardNumber: string, expiryYear = 2029) =>
			startCardOnline(bed.deps, bed.kiosk, payment.transactionId, { cardNumber, expiryMonth: 8, expiryYear }, finish);
		const otp = (payment: PaymentView, code: string) =>
			confirmCardOtp(bed.deps, bed.kiosk, payment.transactionId, { otp: code }, finish);

		it('charges a credit card its MDR, sends the OTP and posts once it is right', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 100_000), 'cardOnline');
			const challenged = await start(payment, '4111111111111111');
			expect(challenged).toMatchObject({
				status: 'awaiting_payment',
				amounts: { feePaise: 1_770, toCollectPaise: 101_770 },
				instrument: { masked: '411111XXXXXX1111', label: 'visa credit' },
				otp: { attemptsLeft: null, lastIncorrect: false }
			});
			expect(await otp(payment, '000000')).toMatchObject({
				status: 'awaiting_payment',
				otp: { attemptsLeft: 2, lastIncorrect: true }
			});
			expect(await otp(payment, REFERENCE_OTP)).toMatchObject({
				status: 'posted',
				amounts: { collectedPaise: 101_770 },
				instrument: { authCode: expect.stringMatching(/^\d{6}$/), rrn: expect.stringMatching(/^\d{12}$/) },
				otp: null
			});
			const session = await bed.db
				.selectFrom('reference_card_sessions')
				.selectAll()
				.where('payment_reference', '=', payment.transactionId)
				.execute();
			expect(JSON.stringify(session)).not.toContain('4111111111111111');
		});

		it('charges nothing extra on a debit card up to ₹2,000', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 200_000), 'cardOnline');
			expect(await start(payment, '6073849700004947')).toMatchObject({ amounts: { feePaise: 0, toCollectPaise: 200_000 } });
		});

		it('cancels the payment when the issuer declines or the OTP is wrong three times', async () => {
			const declined = await startPayment(bed, await addBill(bed.db, 5_000), 'cardOnline');
			await start(declined, '4000000000009995');
			expect(await otp(declined, REFERENCE_OTP)).toMatchObject({
				status: 'cancelled',
				cancelReason: 'declined',
				declineReason: 'insufficient_funds'
			});

			const mistyped = await startPayment(bed, await addBill(bed.db, 5_000), 'cardOnline');
			await start(mistyped, '6073849700004947');
			await otp(mistyped, '111111');
			await otp(mistyped, '222222');
			expect(await otp(mistyped, '333333')).toMatchObject({ status: 'cancelled', declineReason: 'otp_attempts_exceeded' });
			expect(await refusalOf(otp(mistyped, REFERENCE_OTP))).toEqual({ status: 409, code: 'payment_cancelled' });
		});

		it('refuses an expired card, a card the gateway does not take, and an OTP before the card', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 5_000), 'cardOnline');
			expect(await refusalOf(otp(payment, REFERENCE_OTP))).toEqual({ status: 409, code: 'card_session_missing' });
			expect(await refusalOf(start(payment, '4111111111111111', 2025))).toEqual({ status: 422, code: 'card_expired' });
			expect(await refusalOf(start(payment, '5105105105105100'))).toEqual({ status: 422, code: 'card_not_supported' });
		});
	});

	describe('Aadhaar', () => {
		const pay = (payment: PaymentView, aadhaarNumber: string, bankIin = '607094') =>
			payByAadhaar(bed.deps, bed.kiosk, payment.transactionId, { aadhaarNumber, bankIin, pidBlock: '<PidData>…</PidData>' }, finish);

		it('pays from the bank account and keeps the Aadhaar number only masked', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 45_000), 'aadhaar');
			expect(await pay(payment, '999941057058')).toMatchObject({
				status: 'posted',
				instrument: { masked: 'XXXX XXXX 7058', label: 'State Bank of India' }
			});
			const row = await bed.db.selectFrom('payments').selectAll().where('id', '=', payment.transactionId).executeTakeFirstOrThrow();
			expect(JSON.stringify(row)).not.toContain('999941057058');
		});

		it('cancels a declined payment with the bank’s reason', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 45_000), 'aadhaar');
			expect(await pay(payment, '499118665246')).toMatchObject({ status: 'cancelled', declineReason: 'biometric_mismatch' });
		});

		it('refuses a bank that is not on the list', async () => {
			const payment = await startPayment(bed, await addBill(bed.db, 45_000), 'aadhaar');
			expect(await refusalOf(pay(payment, '999941057058', '123456'))).toEqual({ status: 422, code: 'unknown_bank' });
		});
	});
});
