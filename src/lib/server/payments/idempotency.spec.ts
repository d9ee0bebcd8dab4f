import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '$lib/server/db/testing/engines';
import type { CreatePaymentRequest } from '$lib/contract';
import { findKiosk } from '$lib/server/fleet';
import { createPayment } from './bills';
import { reportNote } from './cash';
import { IDEMPOTENCY_LOCK_MS, requestHash, runIdempotently } from './idempotency';
import { topUpWallet } from './wallet';
import { addBill, KIOSK_CODE, openPaymentTestBed, refusalOf, TEST_ORIGIN, walletOf, type PaymentTestBed } from './testing/bed';
import { finisher } from './view';

const onRealServer = Boolean(process.env.TEST_DATABASE_URL?.trim());
const LOW_WALLET_KIOSK = 'K4521096';
const LOW_WALLET_OPERATOR = 'RAJURAM1992';

describe('requestHash', () => {
	it('is the same for the same request in any key order, and differs for another body or path', () => {
		const request = { method: 'POST', path: '/api/v1/payments', fingerprint: { a: 1, b: { c: [1, 2] } } };
		expect(requestHash(request)).toBe(requestHash({ ...request, fingerprint: { b: { c: [1, 2] }, a: 1 } }));
		expect(requestHash(request)).not.toBe(requestHash({ ...request, fingerprint: { a: 2, b: { c: [1, 2] } } }));
		expect(requestHash(request)).not.toBe(requestHash({ ...request, path: '/api/v1/payments/1/cancel' }));
	});
});

describe.each(engines)('idempotency keys on %s', (engine) => {
	let bed: PaymentTestBed;

	beforeAll(async () => {
		bed = await openPaymentTestBed(engine);
	});
	afterAll(() => bed.close());

	const requestFor = (key: string, body: unknown, path = '/api/v1/payments') => ({
		kioskCode: KIOSK_CODE,
		key,
		method: 'POST',
		path,
		fingerprint: body
	});
	const create = async (key: string, body: CreatePaymentRequest, kioskCode = KIOSK_CODE) => {
		const kiosk = await findKiosk(bed.db, kioskCode);
		if (kiosk === undefined) throw new Error(`no demo kiosk ${kioskCode}`);
		return runIdempotently(bed.db, { ...requestFor(key, body), kioskCode }, bed.deps.now, 201, (save) =>
			createPayment(bed.deps, kiosk, body, finisher(TEST_ORIGIN, save))
		);
	};
	const bodyFor = async (amountPaise = 25_000): Promise<CreatePaymentRequest> => {
		const bill = await addBill(bed.db, amountPaise);
		return {
			billerId: bill.billerId,
			identifier: bill.identifier,
			billNumber: bill.billNumber,
			mobile: '9414012345',
			language: 'hi',
			mode: 'cash'
		};
	};
	const paymentsFor = (body: CreatePaymentRequest) =>
		bed.db.selectFrom('payments').select('id').where('bill_number', '=', body.billNumber).execute();

	it('answers the same key and body with the stored answer and does nothing twice', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		const first = await create(key, body);
		const wallet = await walletOf(bed);
		const again = await create(key, { ...body });
		expect(first).toMatchObject({ status: 201, replayed: false });
		expect(again).toEqual({ ...first, replayed: true });
		expect(await paymentsFor(body)).toHaveLength(1);
		expect(await walletOf(bed)).toEqual(wallet);
	});

	it('refuses the same key with another body', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		await create(key, body);
		expect(await refusalOf(create(key, { ...body, language: 'en' }))).toEqual({ status: 422, code: 'idempotency_key_reused' });
	});

	it('keeps keys apart per kiosk', async () => {
		const key = randomUUID();
		await create(key, await bodyFor());
		const other = await bodyFor();
		expect(await create(key, other, 'K2045318')).toMatchObject({ status: 201, replayed: false });
	});

	it('gives a refusal again for the same key, even after what caused it has changed', async () => {
		const body = await bodyFor(3_000);
		const key = randomUUID();
		expect(await refusalOf(create(key, body, LOW_WALLET_KIOSK))).toEqual({ status: 422, code: 'wallet_insufficient' });
		await bed.db.transaction().execute((trx) => topUpWallet(trx, LOW_WALLET_OPERATOR, 100_000, bed.clock.now));
		expect(await create(key, body, LOW_WALLET_KIOSK)).toMatchObject({
			status: 422,
			replayed: true,
			body: { error: { code: 'wallet_insufficient' } }
		});
		expect(await create(randomUUID(), body, LOW_WALLET_KIOSK)).toMatchObject({ status: 201 });
	});

	it('does not keep a "try later": the same key runs again once the biller is back', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		await bed.db.updateTable('billers').set({ status: 'down' }).where('id', '=', body.billerId).execute();
		try {
			expect(await refusalOf(create(key, body))).toEqual({ status: 424, code: 'biller_unavailable' });
		} finally {
			await bed.db.updateTable('billers').set({ status: 'enabled' }).where('id', '=', body.billerId).execute();
		}
		expect(await create(key, body)).toMatchObject({ status: 201, replayed: false });
	});

	it('answers 409 while the first try runs, and the stored answer after it ends', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		let letFirstFinish = () => {};
		const gate = new Promise<void>((resolve) => (letFirstFinish = resolve));
		const first = runIdempotently(bed.db, requestFor(key, body), bed.deps.now, 201, async (save) => {
			await gate;
			return createPayment(bed.deps, bed.kiosk, body, finisher(TEST_ORIGIN, save));
		});
		await expect
			.poll(() => bed.db.selectFrom('idempotency_keys').select('status').where('key', '=', key).executeTakeFirst())
			.toEqual({ status: 'in_flight' });
		expect(await refusalOf(create(key, body))).toEqual({ status: 409, code: 'request_in_progress' });
		letFirstFinish();
		const answered = await first;
		expect(await create(key, body)).toEqual({ ...answered, replayed: true });
	});

	it('answers 409 for a key another hub process holds, and takes over one whose process died', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		const lockedAt = (ago: number) => new Date(bed.clock.now.getTime() - ago).toISOString();
		await bed.db
			.insertInto('idempotency_keys')
			.values({
				kiosk_code: KIOSK_CODE,
				key,
				request_hash: requestHash(requestFor(key, body)),
				status: 'in_flight',
				lock_token: 'another-process',
				locked_at: lockedAt(1_000),
				created_at: lockedAt(1_000)
			})
			.execute();
		expect(await refusalOf(create(key, body))).toEqual({ status: 409, code: 'request_in_progress' });
		await bed.db
			.updateTable('idempotency_keys')
			.set({ locked_at: lockedAt(IDEMPOTENCY_LOCK_MS + 1) })
			.where('key', '=', key)
			.execute();
		expect(await create(key, body)).toMatchObject({ status: 201, replayed: false });
	});

	it('lets a key be tried again after a fault, with nothing left behind', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		const failing = runIdempotently(bed.db, requestFor(key, body), bed.deps.now, 201, async () => {
			throw new Error('connection reset');
		});
		await expect(failing).rejects.toThrow('connection reset');
		expect(await create(key, body)).toMatchObject({ status: 201, replayed: false });
	});

	it('rolls the change back when another try took the key over meanwhile', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		const overtaken = runIdempotently(bed.db, requestFor(key, body), bed.deps.now, 201, async (save) => {
			await bed.db.updateTable('idempotency_keys').set({ lock_token: 'the-other-try' }).where('key', '=', key).execute();
			return createPayment(bed.deps, bed.kiosk, body, finisher(TEST_ORIGIN, save));
		});
		await expect(overtaken).rejects.toThrow(/taken over/);
		expect(await paymentsFor(body)).toEqual([]);
	});

	it('counts each note once however often the kiosk sends it', async () => {
		const created = await create(randomUUID(), await bodyFor(10_000));
		const transactionId = (created.body as { transactionId: string }).transactionId;
		const note = (key: string) =>
			runIdempotently(
				bed.db,
				requestFor(key, { valuePaise: 5_000 }, `/api/v1/payments/${transactionId}/notes`),
				bed.deps.now,
				200,
				(save) => reportNote(bed.deps, bed.kiosk, transactionId, { valuePaise: 5_000 }, finisher(TEST_ORIGIN, save))
			);
		const firstNote = randomUUID();
		await note(firstNote);
		await note(firstNote);
		const second = await note(randomUUID());
		expect(second.body).toMatchObject({ amounts: { collectedPaise: 10_000 }, notes: [{ valuePaise: 5_000 }, { valuePaise: 5_000 }] });
	});

	it('runs a key once when many tries race', async () => {
		const body = await bodyFor();
		const key = randomUUID();
		const answers = await Promise.allSettled(Array.from({ length: 6 }, () => create(key, body)));
		const ran = answers.filter((answer) => answer.status === 'fulfilled' && !answer.value.replayed);
		expect(ran).toHaveLength(1);
		for (const answer of answers) {
			if (answer.status === 'rejected') expect(answer.reason).toMatchObject({ code: 'request_in_progress' });
		}
		expect(await paymentsFor(body)).toHaveLength(1);
	});

	it.runIf(engine === 'postgres' && onRealServer)('lets only one of many kiosks racing for one bill start a payment', async () => {
		const body = await bodyFor();
		const answers = await Promise.allSettled(Array.from({ length: 8 }, () => create(randomUUID(), body)));
		const started = answers.filter((answer) => answer.status === 'fulfilled');
		expect(started).toHaveLength(1);
		for (const answer of answers) {
			if (answer.status === 'rejected') expect(answer.reason).toMatchObject({ code: 'bill_payment_in_progress' });
		}
	});
});
