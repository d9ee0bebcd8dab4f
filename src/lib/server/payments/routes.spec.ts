import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { version } from '$app/environment';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { kioskAuthHeaders } from '$lib/server/fleet/testing';
import { paymentView, receiptVerification } from '$lib/contract';
import * as billers from '../../../routes/api/v1/billers/+server';
import * as bill from '../../../routes/api/v1/billers/[billerId]/bill/+server';
import * as banks from '../../../routes/api/v1/payments/aadhaar-banks/+server';
import * as payments from '../../../routes/api/v1/payments/+server';
import * as payment from '../../../routes/api/v1/payments/[id]/+server';
import * as notes from '../../../routes/api/v1/payments/[id]/notes/+server';
import * as complete from '../../../routes/api/v1/payments/[id]/complete/+server';
import * as smsOutbox from '../../../routes/api/v1/payments/sms-outbox/+server';
import * as verify from '../../../routes/api/v1/receipts/[id]/verify/+server';
import { TEST_NOW } from './testing/bed';

type Handler = (event: never) => Response | Promise<Response>;

/** Calls a route handler the way SvelteKit would, on the hub's own (SQLite) database. */
async function call(
	handler: Handler | undefined,
	path: string,
	options: {
		params?: Record<string, string>;
		body?: unknown;
		kiosk?: string | null;
		key?: string | null;
		version?: string;
		headers?: Record<string, string>;
	} = {}
) {
	if (handler === undefined) throw new Error(`no handler for ${path}`);
	const headers = new Headers({ 'content-type': 'application/json' });
	if (options.kiosk !== null) {
		const auth = await kioskAuthHeaders(await getDatabase(), options.kiosk ?? 'K1234567', { version: options.version });
		for (const [name, value] of Object.entries(auth)) headers.set(name, value);
	} else {
		headers.set('X-Kiosk-Version', options.version ?? version);
	}
	if (options.key) headers.set('Idempotency-Key', options.key);
	for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
	const url = new URL(path, 'http://hub.test');
	const request = new Request(url, {
		method: options.body === undefined ? 'GET' : 'POST',
		headers,
		body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
	});
	const response = await handler({ request, url, params: options.params ?? {}, getClientAddress: () => '198.51.100.7' } as never);
	return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('the payment API, called as SvelteKit calls it', () => {
	let folder: string;

	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'emitra-api-'));
		vi.stubEnv('DATABASE_URL', undefined);
		vi.stubEnv('DATABASE_FILE', join(folder, 'hub.sqlite'));
		vi.stubEnv('DEMO_DATA', undefined);
		vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW });
	});
	afterAll(async () => {
		vi.useRealTimers();
		await closeDatabase();
		vi.unstubAllEnvs();
		rmSync(folder, { recursive: true, force: true });
	});

	const airtel = { billerId: 'airtel', identifier: '9829012003', billNumber: 'AT2611012003', language: 'hi', mode: 'cash' };

	it('lists the billers and the Aadhaar banks to anyone', async () => {
		expect(await call(billers.GET, '/api/v1/billers', { kiosk: null })).toMatchObject({
			status: 200,
			body: { billers: expect.arrayContaining([expect.objectContaining({ id: 'phed' })]) }
		});
		expect(await call(banks.GET, '/api/v1/payments/aadhaar-banks', { kiosk: null })).toMatchObject({
			status: 200,
			body: { banks: expect.arrayContaining([{ iin: '607094', name: expect.any(Object) }]) }
		});
	});

	it('answers only enrolled, active kiosks that prove themselves with a session token', async () => {
		const fetch = (kiosk: string | null, headers?: Record<string, string>) =>
			call(bill.POST, '/api/v1/billers/airtel/bill', {
				params: { billerId: 'airtel' },
				body: { identifier: '9829012003' },
				kiosk,
				headers
			});
		expect(await fetch(null)).toMatchObject({ status: 401, body: { error: { code: 'kiosk_unauthenticated' } } });
		// Naming a kiosk proves nothing any more.
		expect(await fetch(null, { 'X-Kiosk-Code': 'K1234567' })).toMatchObject({
			status: 401,
			body: { error: { code: 'kiosk_unauthenticated' } }
		});
		expect(await fetch(null, { authorization: 'Bearer not-a-token-the-hub-gave-out' })).toMatchObject({
			status: 401,
			body: { error: { code: 'kiosk_unauthenticated' } }
		});
		expect(await fetch('K1234567')).toMatchObject({
			status: 200,
			body: { consumerNameMasked: expect.any(String), modes: { cash: { toCollectPaise: 30_000 } } }
		});
		// Enrolled and signed in while active, then revoked: its token no longer works.
		await call(bill.POST, '/api/v1/billers/airtel/bill', {
			params: { billerId: 'airtel' },
			body: { identifier: '9829012003' },
			kiosk: 'K3187402'
		});
		const db = await getDatabase();
		await db.updateTable('kiosks').set({ status: 'revoked' }).where('code', '=', 'K3187402').execute();
		expect(await fetch('K3187402')).toMatchObject({ status: 403, body: { error: { code: 'kiosk_revoked' } } });
		await db.updateTable('kiosks').set({ status: 'active' }).where('code', '=', 'K3187402').execute();
	});

	it('a kiosk behind the current version cannot start a payment', async () => {
		const outdated = await call(payments.POST, '/api/v1/payments', { body: airtel, key: randomUUID(), version: '0.0.1' });
		expect(outdated).toMatchObject({ status: 403, body: { error: { code: 'kiosk_outdated' } } });
	});

	it('refuses bad input with a code, never a 500', async () => {
		const fetch = (body: unknown) => call(bill.POST, '/api/v1/billers/jvvnl/bill', { params: { billerId: 'jvvnl' }, body });
		expect(await fetch('{"identifier":')).toMatchObject({ status: 400, body: { error: { code: 'malformed_json' } } });
		expect(await fetch({ identifier: 12 })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
		expect(await fetch({ identifier: '2104', mobile: '9414012345' })).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_fields', fields: { identifier: 'format' } } }
		});
		expect(await call(payments.POST, '/api/v1/payments', { body: airtel })).toMatchObject({
			status: 400,
			body: { error: { code: 'idempotency_key_missing' } }
		});
		expect(await call(payments.POST, '/api/v1/payments', { body: airtel, key: 'not-a-uuid' })).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_request' } }
		});
		expect(await call(payments.POST, '/api/v1/payments', { body: { ...airtel, mode: 'cheque' }, key: randomUUID() })).toMatchObject({
			status: 400
		});
	});

	it('pays a bill in cash end to end, with replays answered from the stored answer', async () => {
		const key = randomUUID();
		const created = await call(payments.POST, '/api/v1/payments', { body: airtel, key });
		expect(created).toMatchObject({ status: 201, body: { status: 'awaiting_payment', amounts: { toCollectPaise: 30_000 } } });
		const replay = await call(payments.POST, '/api/v1/payments', { body: airtel, key });
		expect(replay).toMatchObject({ status: 201, body: created.body });
		expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
		expect(await call(payments.POST, '/api/v1/payments', { body: { ...airtel, language: 'en' }, key })).toMatchObject({
			status: 422,
			body: { error: { code: 'idempotency_key_reused' } }
		});

		const id = created.body.transactionId as string;
		const params = { id };
		expect(
			await call(notes.POST, `/api/v1/payments/${id}/notes`, { params, body: { valuePaise: 1_500 }, key: randomUUID() })
		).toMatchObject({ status: 400 });
		for (const valuePaise of [20_000, 10_000]) {
			await call(notes.POST, `/api/v1/payments/${id}/notes`, { params, body: { valuePaise }, key: randomUUID() });
		}
		const receipt = await call(complete.POST, `/api/v1/payments/${id}/complete`, { params, body: {}, key: randomUUID() });
		expect(receipt).toMatchObject({ status: 200, body: { status: 'posted', amounts: { creditedPaise: 30_000 - 29_900 } } });
		expect(v.parse(paymentView, receipt.body)).toEqual(receipt.body);

		expect(await call(payment.GET, `/api/v1/payments/${id}`, { params })).toMatchObject({ status: 200, body: receipt.body });
		expect(await call(payment.GET, `/api/v1/payments/${id}`, { params, kiosk: 'K2045318' })).toMatchObject({
			status: 404,
			body: { error: { code: 'unknown_payment' } }
		});

		const verification = await call(verify.GET, receipt.body.verificationUrl, { params, kiosk: null });
		expect(v.parse(receiptVerification, verification.body)).toMatchObject({
			genuine: true,
			status: 'posted',
			identifierMasked: 'XXXXXX2003',
			billPaise: 29_900
		});
		expect(
			await call(verify.GET, '/api/v1/receipts/261234567890/verify', { params: { id: '261234567890' }, kiosk: null })
		).toMatchObject({ status: 404, body: { error: { code: 'unknown_receipt' } } });

		// Citizens' numbers and OTPs reach a kiosk only on a hub that simulates SMS (npm start, tests).
		expect(await call(smsOutbox.GET, '/api/v1/payments/sms-outbox')).toMatchObject({
			status: 404,
			body: { error: { code: 'unknown_route' } }
		});
		vi.stubEnv('SMS_SIMULATOR', '1');
		const sms = await call(smsOutbox.GET, '/api/v1/payments/sms-outbox');
		expect(sms.body.messages[0]).toMatchObject({
			mobile: '9829012003',
			language: 'hi',
			transactionId: id,
			body: expect.stringContaining(id)
		});
	});
});
