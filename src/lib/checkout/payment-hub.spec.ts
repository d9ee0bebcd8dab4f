import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_HEADER } from '$lib/contract';
import { PaymentHub, SEND_ONCE } from './payment-hub';

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(answers: (() => Response)[]) {
	const sent: { url: string; key: string | null; body: unknown }[] = [];
	const fetchImpl = (async (url: string, init: RequestInit) => {
		const headers = new Headers(init.headers);
		sent.push({ url, key: headers.get(IDEMPOTENCY_KEY_HEADER), body: JSON.parse(String(init.body)) });
		const next = answers.shift();
		if (!next) throw new TypeError('Failed to fetch');
		return next();
	}) as typeof fetch;
	return { fetchImpl, sent };
}

const json = (status: number, body: unknown) => () =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const networkDown = () => {
	throw new TypeError('Failed to fetch');
};

describe('PaymentHub', () => {
	it('retries a command the hub did not answer with the same idempotency key', async () => {
		const { fetchImpl, sent } = scriptedFetch([
			networkDown,
			json(502, {}),
			json(409, { error: { code: 'request_in_progress' } }),
			json(409, { error: { code: 'payment_not_awaiting' } })
		]);
		const hub = new PaymentHub(fetchImpl, [0, 0, 0, 0]);
		const result = await hub.noteCredited('261122000001', 10_000, 'a1b2c3d4-0000-4000-8000-000000000001');
		expect(result).toEqual({ kind: 'refused', code: 'payment_not_awaiting' });
		expect(sent).toHaveLength(4);
		expect(new Set(sent.map((request) => request.key))).toEqual(new Set(['a1b2c3d4-0000-4000-8000-000000000001']));
		expect(sent[0]?.body).toEqual({ valuePaise: 10_000 });
	});

	it('gives up after its last retry and says the command may not have happened', async () => {
		const { fetchImpl, sent } = scriptedFetch([]);
		const hub = new PaymentHub(fetchImpl, [0, 0]);
		expect(await hub.cancel('261122000001', 'timeout')).toEqual({ kind: 'unanswered' });
		expect(sent).toHaveLength(3);
	});

	it('sends once for the outbox, whose runner retries at its own layer', async () => {
		const { fetchImpl, sent } = scriptedFetch([json(409, { error: { code: 'request_in_progress' } })]);
		const hub = new PaymentHub(fetchImpl, SEND_ONCE);
		expect(await hub.complete('261122000001')).toEqual({ kind: 'refused', code: 'request_in_progress' });
		expect(await hub.complete('261122000001')).toEqual({ kind: 'unanswered' });
		expect(sent).toHaveLength(2);
	});

	it('does not retry a refusal', async () => {
		const { fetchImpl, sent } = scriptedFetch([json(422, { error: { code: 'wallet_insufficient' } })]);
		const hub = new PaymentHub(fetchImpl, [0, 0]);
		const result = await hub.create({
			billerId: 'airtel',
			identifier: '9829012017',
			billNumber: 'AT-1',
			language: 'hi',
			mode: 'cash'
		});
		expect(result).toEqual({ kind: 'refused', code: 'wallet_insufficient' });
		expect(sent).toHaveLength(1);
	});
});
