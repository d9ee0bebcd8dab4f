import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { goto } from '$app/navigation';
import { API_PATHS, type PaymentMode, type PaymentView } from '$lib/contract';
import { findBill, keepBill } from '$lib/checkout/offline/bill-cache';
import { OutboxReplayer, OutboxStore, type KioskOutbox } from '$lib/checkout/outbox';
import { PaymentHub } from '$lib/checkout/payment-hub';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { AIRTEL } from '$lib/checkout/testing/biller-info';
import { paymentViewFixture } from '$lib/checkout/testing/payment-view';
import { updateRequired } from '$lib/machine/updates.svelte';
import { memoryStorage } from '$lib/session/testing/memory-storage';
import type { WizardData } from '../engine';
import { billPaymentFlow } from '../bill-payment';
import type { CollectStep } from '../types';
import { loadWizard } from '../wizard-storage';
import { CollectSession } from './collect-session.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn(async () => undefined) }));

const QUOTE = billQuoteFixture();
const FLOW = billPaymentFlow(AIRTEL);
const COLLECT = FLOW.steps.find((step): step is CollectStep => step.kind === 'collect')!;

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The hub's payment API as the collect step uses it, with Stripe idempotency left out (each test
 * sends a command once): it creates, counts notes, completes, cancels and answers for the payment;
 * it can refuse the create, or be out of reach.
 */
function paymentApi() {
	const hub = {
		reachable: true,
		refuseCreate: undefined as string | undefined,
		view: paymentViewFixture({ transactionId: '263260000001', language: 'en' }),
		created: [] as unknown[]
	};
	const change = (next: Partial<PaymentView>) => {
		hub.view = { ...hub.view, ...next };
		return json(200, hub.view);
	};
	const fetchImpl = (async (url: string, init: RequestInit = {}) => {
		if (!hub.reachable) throw new TypeError('Failed to fetch');
		const body: unknown = init.body === undefined ? undefined : JSON.parse(String(init.body));
		const id = hub.view.transactionId;
		if (url === API_PATHS.payments) {
			if (hub.refuseCreate) return json(422, { error: { code: hub.refuseCreate } });
			hub.created.push(body);
			return change({ mode: (body as { mode: PaymentMode }).mode });
		}
		if (url === API_PATHS.payment(id)) return json(200, hub.view);
		if (url === API_PATHS.notes(id)) {
			const collectedPaise = hub.view.amounts.collectedPaise + (body as { valuePaise: number }).valuePaise;
			return change({ amounts: { ...hub.view.amounts, collectedPaise } });
		}
		if (url === API_PATHS.complete(id)) return change({ status: 'posted' });
		if (url === API_PATHS.cancel(id)) return change({ status: 'cancelled' });
		return json(404, { error: { code: 'unknown_payment' } });
	}) as typeof fetch;
	return { hub, fetchImpl };
}

let outboxes = 0;

function kioskUnderTest() {
	const { hub, fetchImpl } = paymentApi();
	const store = new OutboxStore(`collect-test-${++outboxes}`);
	// The outbox's runner sends each step once a pass, as on the kiosk (its own timer retries).
	const outbox: KioskOutbox = { store, replayer: new OutboxReplayer({ store, hub: new PaymentHub(fetchImpl, []) }) };
	const collect = (wizard: WizardData) =>
		new CollectSession({ step: COLLECT, flow: FLOW, wizard, locale: 'en' }, { fetch: fetchImpl, outbox });
	return { hub, store, outbox, collect };
}

/** The wizard as the payment-mode screen leaves it: the bill fetched just now, the mode chosen. */
const chosen = (mode: PaymentMode): WizardData => ({
	answers: { consumer: { identifier: QUOTE.identifier, fetchedAt: new Date().toISOString() }, mode: { mode } },
	results: { consumer: QUOTE }
});

const saved = () => loadWizard(sessionStorage, FLOW.id);

beforeEach(() => {
	vi.stubGlobal('sessionStorage', memoryStorage());
	vi.stubGlobal('localStorage', memoryStorage());
	vi.stubGlobal('location', { origin: 'http://kiosk.test' });
	vi.mocked(goto).mockClear();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('CollectSession', () => {
	it('writes the payment to the outbox first, then shows the payment the hub created', async () => {
		const { hub, store, collect } = kioskUnderTest();
		const session = collect(chosen('cash'));
		await session.start();

		expect(hub.created).toEqual([
			{ billerId: 'airtel', identifier: '9829012017', billNumber: 'AT2610012017', language: 'en', mode: 'cash' }
		]);
		expect(session.payment).toMatchObject({ transactionId: '263260000001', status: 'awaiting_payment' });
		expect(session.refusal).toBeUndefined();
		const reference = session.journal?.reference ?? '';
		expect(saved().answers.pay).toEqual({ outboxReference: reference, transactionId: '263260000001' });
		expect((await store.get(reference))?.steps).toMatchObject([{ kind: 'create', acknowledged: true }]);
	});

	it.each([
		['wallet_insufficient', 'payment.unavailable.wallet_insufficient'],
		['biller_unavailable', 'payment.refused.biller_unavailable'],
		['bill_already_paid', 'bill.error.alreadyPaid'],
		['no_such_refusal', 'payment.refused.other']
	])('words the hub’s refusal %s as %s, and keeps nothing in the outbox', async (code, message) => {
		const { hub, store, collect } = kioskUnderTest();
		hub.refuseCreate = code;
		const session = collect(chosen('cash'));
		await session.start();
		expect(session.refusal).toBe(message);
		expect(session.payment).toBeUndefined();
		expect(await store.list()).toEqual([]);
	});

	it('shows the updating screen when the hub refuses this kiosk’s version', async () => {
		const { hub, collect } = kioskUnderTest();
		hub.refuseCreate = 'kiosk_outdated';
		expect(updateRequired()).toBe(false);
		await collect(chosen('cash')).start();
		expect(updateRequired()).toBe(true);
	});

	it('takes cash as a queued payment when the hub does not answer, and forgets the kept bill', async () => {
		const { hub, store, collect } = kioskUnderTest();
		hub.reachable = false;
		keepBill(localStorage, QUOTE, new Date());
		const session = collect(chosen('cash'));
		await session.start();

		const [queued] = await store.list();
		expect(queued?.queued).toBe(true);
		expect(session.queuedReference).toBe(queued?.reference);
		expect(session.payment).toMatchObject({ transactionId: queued?.reference, status: 'awaiting_payment' });
		expect(session.payment?.amounts.toCollectPaise).toBe(2_000);
		expect(findBill(localStorage, 'airtel', QUOTE.identifier)).toBeUndefined();
	});

	it('refuses a card payment while the hub does not answer, and cancels what it recorded', async () => {
		const { hub, store, collect } = kioskUnderTest();
		hub.reachable = false;
		const session = collect(chosen('card'));
		await session.start();

		expect(session.refusal).toBe('offline.cash.needsConnection');
		expect(session.payment).toBeUndefined();
		const [recorded] = await store.list();
		expect(recorded?.queued).toBe(false);
		expect(recorded?.steps.map((step) => step.kind)).toEqual(['create', 'cancel']);
	});

	it('refuses offline cash above the kiosk’s offline limit for one payment', async () => {
		const { hub, collect } = kioskUnderTest();
		hub.reachable = false;
		localStorage.setItem('emitra.kioskConfig', JSON.stringify({ offlineCash: { maxPaymentPaise: 1_000 } }));
		const session = collect(chosen('cash'));
		await session.start();
		expect(session.refusal).toBe('offline.cash.payment');
	});

	it('ends with the hub’s record: the receipt step gets it and a card payment leaves the outbox', async () => {
		const { hub, store, collect } = kioskUnderTest();
		const session = collect(chosen('card'));
		await session.start();
		const posted = { ...hub.view, status: 'posted' as const };
		await session.finish(posted);

		expect(saved().results.pay).toEqual(posted);
		expect(await store.list()).toEqual([]);
		expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/receipt');
	});

	it('after a reload, goes on with the payment and the notes the outbox already has', async () => {
		const { collect } = kioskUnderTest();
		const before = collect(chosen('cash'));
		await before.start();
		await before.journal?.noteCredited(10_000);

		const after = collect(saved());
		await after.start();
		expect(after.journal?.reference).toBe(before.journal?.reference);
		expect(after.payment?.amounts.collectedPaise).toBe(10_000);
		expect(after.payment?.notes.map((note) => note.valuePaise)).toEqual([10_000]);
	});

	it('after a reload of a payment the outbox has delivered, takes the hub’s record as the outcome', async () => {
		const { hub, store, collect } = kioskUnderTest();
		const before = collect(chosen('card'));
		await before.start();
		await store.settled(before.journal?.reference ?? '');
		hub.view = { ...hub.view, status: 'posted' };

		await collect(saved()).start();
		expect(saved().results.pay).toMatchObject({ transactionId: '263260000001', status: 'posted' });
		expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/receipt');
	});

	it('names a card sale the terminal never settled by its transaction ID, for the operator', async () => {
		const { collect } = kioskUnderTest();
		const session = collect(chosen('card'));
		await session.start();
		await session.finishQueued(session.journal?.reference ?? '');
		expect(session.unsettled).toBe('263260000001');
		expect(goto).not.toHaveBeenCalled();
	});

	it('ends a completed payment the hub has not acknowledged as queued, with the receipt from the outbox', async () => {
		const { hub, store, collect } = kioskUnderTest();
		const session = collect(chosen('cash'));
		await session.start();
		const journal = session.journal!;
		await journal.noteCredited(2_000);
		// The note reached the hub; the completion does not.
		await vi.waitFor(async () => expect((await store.get(journal.reference))?.steps.every((step) => step.acknowledged)).toBe(true));
		hub.reachable = false;
		expect(await journal.complete()).toEqual({ kind: 'unanswered' });
		await session.finishQueued(journal.reference);

		expect((await store.get(journal.reference))?.queued).toBe(true);
		expect(saved().answers.pay?.queuedReference).toBe(journal.reference);
		expect(saved().results.pay).toMatchObject({ status: 'paid', amounts: { collectedPaise: 2_000 } });
		expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/receipt');
	});
});
