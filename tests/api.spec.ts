import { expect, kioskApiHeaders, test } from './support';

const lookup = '/api/v1/lookups/transaction-status';
let json: Record<string, string> = { 'content-type': 'application/json' };

test.describe('hub API refuses bad requests with 4xx and a code, never a 500', () => {
	// Lookups come only from an enrolled kiosk: every request here signs in as the test kiosk.
	test.beforeAll(async ({ playwright, baseURL }) => {
		const request = await playwright.request.newContext({ baseURL });
		json = { 'content-type': 'application/json', ...(await kioskApiHeaders(request, 'K1234567')) };
		await request.dispose();
	});

	test('a lookup without a kiosk session', async ({ request }) => {
		const response = await request.post(lookup, {
			headers: { 'content-type': 'application/json' },
			data: { transactionId: '2611220005' }
		});
		expect(response.status()).toBe(401);
		expect((await response.json()).error.code).toBe('kiosk_unauthenticated');
	});

	test('a path that is not valid percent-encoding answers JSON, like every other bad request', async ({ request }) => {
		const response = await request.get('/api/v1/payments/%E0%A4%/cancel');
		expect(response.status()).toBe(400);
		expect((await response.json()).error.code).toBe('invalid_request');
	});

	test('every answer carries the security headers', async ({ request }) => {
		for (const path of ['/hi', '/api/v1/health', '/admin/en/login']) {
			const headers = (await request.get(path)).headers();
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('same-origin');
			expect(headers['permissions-policy']).toContain('camera=(self)');
		}
	});
	test('malformed JSON', async ({ request }) => {
		const response = await request.post(lookup, { headers: json, data: Buffer.from('{"transactionId": ') });
		expect(response.status()).toBe(400);
		expect((await response.json()).error.code).toBe('malformed_json');
	});

	test('wrong types', async ({ request }) => {
		const response = await request.post(lookup, { headers: json, data: { transactionId: 7 } });
		expect(response.status()).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('invalid_fields');
		expect(Object.keys(body.error.fields)).toEqual(['transactionId']);
	});

	test('a value the field schema rejects', async ({ request }) => {
		const response = await request.post(lookup, {
			headers: json,
			data: { transactionId: '12AB' }
		});
		expect(response.status()).toBe(400);
		expect(await response.json()).toMatchObject({ error: { code: 'invalid_fields', fields: { transactionId: 'format' } } });
	});

	test('an oversize body', async ({ request }) => {
		const big = JSON.stringify({ transactionId: '1'.repeat(40_000) });
		const response = await request.post(lookup, { headers: json, data: big });
		expect(response.status()).toBe(413);
		expect((await response.json()).error.code).toBe('payload_too_large');
	});

	test('a body that is not JSON', async ({ request }) => {
		const response = await request.post(lookup, {
			headers: { ...json, 'content-type': 'application/xml' },
			data: Buffer.from('<lookup/>')
		});
		expect(response.status()).toBe(415);
		expect((await response.json()).error.code).toBe('unsupported_media_type');
	});

	test('an unknown service or route', async ({ request }) => {
		const service = await request.post('/api/v1/lookups/no-such-service', { headers: json, data: {} });
		expect(service.status()).toBe(404);
		expect((await service.json()).error.code).toBe('unknown_service');

		const route = await request.get('/api/v1/no/such/route');
		expect(route.status()).toBe(404);
		expect((await route.json()).error.code).toBe('unknown_route');
	});

	test('an unknown transaction is a not_found refusal; a known one is found', async ({ request }) => {
		const missing = await request.post(lookup, {
			headers: json,
			data: { transactionId: '9999999999' }
		});
		expect(missing.status()).toBe(404);
		expect((await missing.json()).error.code).toBe('not_found');

		const found = await request.post(lookup, {
			headers: json,
			data: { transactionId: '2611 2200 05' }
		});
		expect(found.status()).toBe(200);
		expect(await found.json()).toMatchObject({ transactionId: '2611220005', status: 'delivered' });
	});
});
