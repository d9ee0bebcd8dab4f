import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { kioskAuthHeaders } from '$lib/server/fleet/testing';
import * as certificateTypes from '../../../routes/api/v1/reference/certificate-types/+server';
import * as districts from '../../../routes/api/v1/reference/land/districts/+server';
import * as tehsils from '../../../routes/api/v1/reference/land/districts/[district]/tehsils/+server';
import * as villages from '../../../routes/api/v1/reference/land/tehsils/[tehsil]/villages/+server';
import * as examYears from '../../../routes/api/v1/reference/exam-years/+server';
import * as lookup from '../../../routes/api/v1/lookups/[service]/+server';
import { LOOKUP_SERVICES } from '$lib/contract';
import * as printOrders from '../../../routes/api/v1/print-orders/+server';
import * as verify from '../../../routes/api/v1/documents/[kind]/[number]/verify/+server';

type Handler = (event: never) => Response | Promise<Response>;

/** The one place this file says who is asking: an enrolled kiosk's session token and version. */
async function kioskHeaders(kiosk: string | null = 'K1234567'): Promise<Headers> {
	const headers = new Headers({ 'content-type': 'application/json' });
	if (kiosk !== null) {
		for (const [name, value] of Object.entries(await kioskAuthHeaders(await getDatabase(), kiosk))) headers.set(name, value);
	}
	return headers;
}

/** Calls a route handler the way SvelteKit would, on the hub's own (SQLite) database. */
async function call(
	handler: Handler | undefined,
	path: string,
	options: { params?: Record<string, string>; body?: unknown; kiosk?: string | null } = {}
) {
	if (handler === undefined) throw new Error(`no handler for ${path}`);
	const url = new URL(path, 'http://hub.test');
	const request = new Request(url, {
		method: options.body === undefined ? 'GET' : 'POST',
		headers: await kioskHeaders(options.kiosk),
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const response = await handler({ request, url, params: options.params ?? {}, getClientAddress: () => '198.51.100.7' } as never);
	return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('the government-services API, called as SvelteKit calls it', () => {
	let folder: string;

	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'emitra-departments-'));
		vi.stubEnv('DATABASE_URL', undefined);
		vi.stubEnv('DATABASE_FILE', join(folder, 'hub.sqlite'));
		vi.stubEnv('DEMO_DATA', undefined);
	});
	afterAll(async () => {
		await closeDatabase();
		vi.unstubAllEnvs();
		rmSync(folder, { recursive: true, force: true });
	});

	it('serves the reference lists to anyone, cacheable, with a code for an unknown place', async () => {
		const types = await call(certificateTypes.GET, '/api/v1/reference/certificate-types', { kiosk: null });
		expect(types).toMatchObject({
			status: 200,
			body: { options: expect.arrayContaining([expect.objectContaining({ value: 'police-verification' })]) }
		});
		expect(types.body.options).toHaveLength(9);
		expect(types.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
		expect((await call(districts.GET, '/api/v1/reference/land/districts', { kiosk: null })).body.options).toHaveLength(41);
		expect(await call(tehsils.GET, '/api/v1/reference/land/districts/115/tehsils', { params: { district: '115' } })).toMatchObject({
			body: { options: expect.arrayContaining([{ value: '11501', label: { en: 'Sanganer', hi: 'सांगानेर' } }]) }
		});
		expect(await call(villages.GET, '/api/v1/reference/land/tehsils/11501/villages', { params: { tehsil: '11501' } })).toMatchObject({
			body: { options: expect.arrayContaining([expect.objectContaining({ value: '11501001' })]) }
		});
		expect(await call(tehsils.GET, '/api/v1/reference/land/districts/999/tehsils', { params: { district: '999' } })).toMatchObject({
			status: 404,
			body: { error: { code: 'unknown_place' } }
		});
		expect(
			(await call(examYears.GET, '/api/v1/reference/exam-years')).body.options.map((option: { value: string }) => option.value)
		).toEqual(['2025', '2024', '2023', '2022', '2021']);
	});

	it('answers every registered lookup only to an enrolled kiosk', async () => {
		expect(LOOKUP_SERVICES).toEqual(['transaction-status', 'certificate', 'exam-result', 'land-record', 'jan-aadhaar-family']);
		for (const service of [...LOOKUP_SERVICES, 'no-such-service']) {
			const anonymous = await call(lookup.POST, `/api/v1/lookups/${service}`, { params: { service }, body: {}, kiosk: null });
			expect(anonymous, service).toMatchObject({ status: 401, body: { error: { code: 'kiosk_unauthenticated' } } });
		}
	});

	it('looks up only for enrolled kiosks, refuses with codes, and never caches a citizen’s answer', async () => {
		const ask = (service: string, body: unknown, kiosk?: string | null) =>
			call(lookup.POST, `/api/v1/lookups/${service}`, { params: { service }, body, kiosk });
		expect(await ask('certificate', { typeId: 'birth', transactionId: '2611230005' }, null)).toMatchObject({
			status: 401,
			body: { error: { code: 'kiosk_unauthenticated' } }
		});
		const found = await ask('certificate', { typeId: 'birth', transactionId: '2611230005' });
		expect(found).toMatchObject({
			status: 200,
			body: { kind: 'certificate', verificationUrl: 'http://hub.test/api/v1/documents/certificate/B-2026-08-115-004217/verify' }
		});
		expect(found.headers.get('cache-control')).toBe('no-store');
		expect(await ask('pension', {})).toMatchObject({ status: 404, body: { error: { code: 'unknown_service' } } });
		expect(await ask('land-record', { villageCode: '11501001' })).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_fields' } }
		});
	});

	it('quotes a print at ₹10, cash only, and verifies a document whose number has slashes', async () => {
		const quote = await call(printOrders.POST, '/api/v1/print-orders', {
			body: { document: { kind: 'certificate', typeId: 'domicile', transactionId: '2611230001' }, language: 'en' }
		});
		expect(quote).toMatchObject({
			status: 200,
			body: {
				biller: { id: 'print-fees' },
				payablePaise: 1_000,
				modes: { cash: { available: true }, card: { available: false, reason: 'not_offered' } }
			}
		});
		const checked = await call(verify.GET, '/api/v1/documents/certificate/RJ%2FDOM%2FSNG%2F2026%2F004512/verify', {
			params: { kind: 'certificate', number: 'RJ/DOM/SNG/2026/004512' },
			kiosk: null
		});
		expect(checked).toMatchObject({ status: 200, body: { genuine: true, holderNameMasked: { en: 'R***** K**** M****' } } });
		expect(
			await call(verify.GET, '/api/v1/documents/marksheet/2025-1234567/verify', {
				params: { kind: 'marksheet', number: '2025-1234567' },
				kiosk: null
			})
		).toMatchObject({ status: 200, body: { genuine: true, kind: 'marksheet' } });
	});
});
