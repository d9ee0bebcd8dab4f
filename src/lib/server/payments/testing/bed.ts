import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '$lib/server/db';
import type { Database, Kiosk } from '$lib/server/db/schema';
import { seedDemoData } from '$demo';
import { openTestDatabase } from '$lib/server/db/testing/engines';
import { findKiosk } from '$lib/server/fleet';
import { ApiError } from '$lib/server/api/http';
import type { CreatePaymentRequest, PaymentMode, PaymentView } from '$lib/contract';
import { createPayment } from '../bills';
import { creditBalance } from '../credits';
import { referencePaymentDeps, type PaymentDeps } from '../deps';
import { finisher } from '../view';
import { walletBalance } from '../wallet';

export const TEST_ORIGIN = 'http://hub.test';
/** 11:30 IST on the demo data's "today". */
export const TEST_NOW = new Date('2026-11-22T06:00:00.000Z');
/** The browser tests' kiosk; its operator's wallet holds ₹2,00,000. */
export const KIOSK_CODE = 'K1234567';
export const KIOSK_OPERATOR = 'SURESHSHARMA1984';

/** A seeded hub database with the reference billers and gateways and a clock the test moves. */
export interface PaymentTestBed {
	db: Kysely<Database>;
	deps: PaymentDeps;
	clock: { now: Date };
	kiosk: Kiosk;
	close(): Promise<void>;
}

export async function openPaymentTestBed(engine: DatabaseEngine): Promise<PaymentTestBed> {
	const test = await openTestDatabase(engine);
	await seedDemoData(test.db);
	const clock = { now: TEST_NOW };
	const deps = referencePaymentDeps(test.db, () => clock.now);
	const kiosk = await findKiosk(test.db, KIOSK_CODE);
	if (kiosk === undefined) throw new Error(`the demo data has no kiosk ${KIOSK_CODE}`);
	return { db: test.db, deps, clock, kiosk, close: test.close };
}

/** Answers without an idempotency key, as the commands' own tests need. */
export const finish = finisher(TEST_ORIGIN);

let nextConsumer = 0;

export interface TestBill {
	billerId: string;
	identifier: string;
	billNumber: string;
	amountPaise: number;
}

/**
 * A consumer of the reference biller with one bill due, of its own, so tests sharing a database
 * never touch each other's bills (12-digit identifier: water and electricity billers).
 */
export async function addBill(
	db: Kysely<Database>,
	amountPaise: number,
	options: { billerId?: string; rejectsPostings?: boolean; identifier?: string; billDate?: string } = {}
): Promise<TestBill> {
	nextConsumer++;
	const billerId = options.billerId ?? 'jvvnl';
	const identifier = options.identifier ?? String(900_000_000_000 + nextConsumer * 1_009 + Math.floor(Math.random() * 1_000));
	const billNumber = `T${identifier}${nextConsumer}`;
	await db
		.insertInto('reference_consumers')
		.values({
			biller_id: billerId,
			identifier,
			name: 'Test Consumer Meena',
			rejects_postings: options.rejectsPostings ? 1 : 0
		})
		.onConflict((conflict) => conflict.doNothing())
		.execute();
	await db
		.insertInto('reference_bills')
		.values({
			biller_id: billerId,
			bill_number: billNumber,
			identifier,
			bill_date: options.billDate ?? '2026-11-01',
			due_date: '2026-11-30',
			amount_paise: amountPaise,
			paid_at: null,
			payment_reference: null
		})
		.execute();
	return { billerId, identifier, billNumber, amountPaise };
}

export function startPayment(
	bed: PaymentTestBed,
	bill: TestBill,
	mode: PaymentMode,
	overrides: Partial<CreatePaymentRequest> = {},
	kiosk: Kiosk = bed.kiosk
): Promise<PaymentView> {
	return createPayment(
		bed.deps,
		kiosk,
		{
			billerId: bill.billerId,
			identifier: bill.identifier,
			billNumber: bill.billNumber,
			mobile: '9414012345',
			language: 'en',
			mode,
			...overrides
		},
		finish
	);
}

export const walletOf = (bed: PaymentTestBed, ssoId = KIOSK_OPERATOR) => walletBalance(bed.db, ssoId);
export const creditOf = (bed: PaymentTestBed, bill: TestBill) =>
	creditBalance(bed.db, { billerId: bill.billerId, identifier: bill.identifier });

/** The refusal a call ends in, as status and code. */
export async function refusalOf(promise: Promise<unknown>): Promise<{ status: number; code: string; fields?: Record<string, string> }> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason
	);
	if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
	const refusal = { status: error.status, code: error.code };
	return error.fields ? { ...refusal, fields: error.fields } : refusal;
}
