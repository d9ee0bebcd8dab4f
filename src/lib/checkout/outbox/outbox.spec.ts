import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../payment-hub';
import type { CreatePaymentRequest, PaymentView } from '$lib/contract';
import { paymentViewFixture } from '../testing/payment-view';
import { PaymentJournal } from './journal';
import { OutboxReplayer } from './replayer';
import { replayOutbox, type ReplayHub } from './runner';
import { OutboxStore } from './store';

const REQUEST: CreatePaymentRequest = {
	billerId: 'airtel',
	identifier: '9829012017',
	billNumber: 'AT2610012017',
	language: 'en',
	mode: 'cash'
};

let databases = 0;
const freshStore = () => new OutboxStore(`outbox-test-${++databases}`);

function openPayment(store: OutboxStore, createKey = crypto.randomUUID()) {
	return store.open({
		createKey,
		createdAt: new Date().toISOString(),
		kioskCode: 'K1234567',
		request: REQUEST,
		toCollectPaise: 2_000,
		payablePaise: 1_700,
		billFetchedAt: new Date().toISOString()
	});
}

/**
 * A hub with Stripe idempotency: a key it has seen gets the stored answer again and changes
 * nothing. It records every change it made, and can be switched off or made to refuse.
 */
function idempotentHub() {
	const answers = new Map<string, CommandResult>();
	const changes: string[] = [];
	const headers: { key: string; queuedAt?: string }[] = [];
	let view: PaymentView = paymentViewFixture({ transactionId: '263260000001' });
	const state = { reachable: true, refuseCreate: undefined as string | undefined };
	const once = async (key: string, change: () => CommandResult): Promise<CommandResult> => {
		if (!state.reachable) return { kind: 'unanswered' };
		const stored = answers.get(key);
		if (stored) return stored;
		const answer = change();
		answers.set(key, answer);
		return answer;
	};
	const hub: ReplayHub = {
		create: (_request, key = '', options = {}) => {
			headers.push({ key, queuedAt: options.queuedAt });
			return once(key, () => {
				if (state.refuseCreate) return { kind: 'refused', code: state.refuseCreate };
				changes.push('create');
				return { kind: 'done', view };
			});
		},
		noteCredited: (_id, valuePaise, key = '') =>
			once(key, () => {
				changes.push(`note ${valuePaise}`);
				view = { ...view, amounts: { ...view.amounts, collectedPaise: view.amounts.collectedPaise + valuePaise } };
				return { kind: 'done', view };
			}),
		complete: (_id, key = '') =>
			once(key, () => {
				changes.push('complete');
				view = { ...view, status: 'posted' };
				return { kind: 'done', view };
			}),
		approval: (_id, approval, key = '') =>
			once(key, () => {
				changes.push(`approval ${approval.amountPaise}`);
				view = { ...view, status: 'posted' };
				return { kind: 'done', view };
			}),
		cancel: (_id, reason, key = '') =>
			once(key, () => {
				changes.push(`cancel ${reason}`);
				view = { ...view, status: 'cancelled' };
				return { kind: 'done', view };
			}),
		current: async () => ({ kind: 'done', view })
	};
	return { hub, changes, headers, state };
}

describe('OutboxStore', () => {
	it('keeps a payment until every step is acknowledged and the payment is closed', async () => {
		const store = freshStore();
		const payment = await openPayment(store);
		expect(payment.reference).toBe('Q-K1234567-0001');
		await store.append(payment.reference, { kind: 'note', key: 'note-1', valuePaise: 2_000 });
		expect(await store.summary()).toEqual({ queued: 1, oldestQueuedAt: payment.createdAt, deadLetters: 0 });

		const view = paymentViewFixture({ transactionId: '263260000001' });
		await store.acknowledge(payment.reference, payment.steps[0]!.key, view);
		expect((await store.get(payment.reference))?.transactionId).toBe('263260000001');
		await store.acknowledge(payment.reference, 'note-1', view);
		// Every step acknowledged, but the citizen has not finished: the payment stays.
		expect(await store.get(payment.reference)).toBeDefined();

		await store.append(payment.reference, { kind: 'complete', key: 'complete-1' });
		await store.acknowledge(payment.reference, 'complete-1', { ...view, status: 'posted' });
		expect(await store.get(payment.reference)).toBeUndefined();
		expect(await store.summary()).toEqual({ queued: 0, oldestQueuedAt: null, deadLetters: 0 });
	});

	it('numbers queued references per kiosk, never reusing one', async () => {
		const store = freshStore();
		const first = await openPayment(store);
		await store.remove(first.reference);
		expect((await openPayment(store)).reference).toBe('Q-K1234567-0002');
	});
});

describe('replayOutbox', () => {
	it('sends a queued payment in order, with the replay header on its create, and empties the outbox', async () => {
		const store = freshStore();
		const { hub, changes, headers } = idempotentHub();
		const payment = await openPayment(store);
		await store.markQueued(payment.reference);
		await store.append(payment.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 1_000 });
		await store.append(payment.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 1_000 });
		await store.append(payment.reference, { kind: 'complete', key: crypto.randomUUID() });

		expect(await replayOutbox(store, hub, () => undefined)).toBe('drained');
		expect(changes).toEqual(['create', 'note 1000', 'note 1000', 'complete']);
		// The create carries when the payment was queued (the hub's version gate checks it).
		expect(headers).toEqual([{ key: payment.steps[0]!.key, queuedAt: payment.steps[0]!.at }]);
		expect(await store.list()).toEqual([]);
	});

	it('stops when the hub is unreachable and resumes later without sending a step twice', async () => {
		const store = freshStore();
		const { hub, changes, state } = idempotentHub();
		const older = await openPayment(store);
		const newer = await openPayment(store);
		await store.append(older.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 2_000 });
		await store.append(older.reference, { kind: 'complete', key: crypto.randomUUID() });
		await store.append(newer.reference, { kind: 'cancel', key: crypto.randomUUID(), reason: 'citizen' });

		state.reachable = false;
		const events: string[] = [];
		expect(await replayOutbox(store, hub, (event) => events.push(event.kind))).toBe('unreachable');
		expect(events).toEqual(['stalled']);
		expect((await store.summary()).queued).toBe(2);

		state.reachable = true;
		expect(await replayOutbox(store, hub, () => undefined)).toBe('drained');
		// Oldest first; the second pass repeats nothing the hub had already acknowledged.
		expect(changes).toEqual(['create', 'note 2000', 'complete', 'create', 'cancel citizen']);
		expect(await store.list()).toEqual([]);
	});

	it('drops a refused payment that took no money, and keeps one that did as a dead letter', async () => {
		const store = freshStore();
		const { hub, state } = idempotentHub();
		state.refuseCreate = 'bill_already_paid';
		const nothingTaken = await openPayment(store);
		const cashTaken = await openPayment(store);
		await store.markQueued(cashTaken.reference);
		await store.append(cashTaken.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 2_000 });
		await store.append(cashTaken.reference, { kind: 'complete', key: crypto.randomUUID() });

		const refused: string[] = [];
		await replayOutbox(store, hub, (event) => event.kind === 'refused' && refused.push(event.reference));
		expect(refused).toEqual([nothingTaken.reference, cashTaken.reference]);
		expect(await store.get(nothingTaken.reference)).toBeUndefined();
		expect((await store.get(cashTaken.reference))?.deadLetter).toMatchObject({ code: 'bill_already_paid', step: 'create' });
		expect(await store.summary()).toMatchObject({ queued: 0, deadLetters: 1 });

		// The operator fixed the cause and retries: the refused create goes again under a new key.
		state.refuseCreate = undefined;
		await store.retry(cashTaken.reference);
		expect(await replayOutbox(store, hub, () => undefined)).toBe('drained');
		expect(await store.list()).toEqual([]);
	});

	it('waits for a passing refusal instead of giving up, and asks again under a new key', async () => {
		const store = freshStore();
		const { hub, state, changes } = idempotentHub();
		state.refuseCreate = 'day_closing';
		const payment = await openPayment(store);
		await store.append(payment.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 2_000 });
		await store.append(payment.reference, { kind: 'complete', key: crypto.randomUUID() });
		await replayOutbox(store, hub, () => undefined);
		const waiting = await store.get(payment.reference);
		expect(waiting?.deadLetter).toBeNull();
		expect(waiting?.steps[0]?.key).not.toBe(payment.steps[0]?.key);

		state.refuseCreate = undefined;
		await replayOutbox(store, hub, () => undefined);
		expect(changes).toEqual(['create', 'note 2000', 'complete']);
	});
});

describe('OutboxReplayer', () => {
	it('gives the journal the hub’s answer, or "unanswered" when the hub is down', async () => {
		const store = freshStore();
		const { hub, state } = idempotentHub();
		const replayer = new OutboxReplayer({ store, hub });
		const payment = await openPayment(store);
		const journal = new PaymentJournal(store, replayer, payment.reference);
		await journal.noteCredited(2_000);
		const posted = await journal.complete();
		expect(posted).toMatchObject({ kind: 'done', view: { status: 'posted' } });
		expect(await store.list()).toEqual([]);

		state.reachable = false;
		const offline = await openPayment(store);
		const offlineJournal = new PaymentJournal(store, replayer, offline.reference);
		await offlineJournal.noteCredited(2_000);
		expect(await offlineJournal.complete()).toEqual({ kind: 'unanswered' });
		expect((await store.get(offline.reference))?.steps.map((step) => step.kind)).toEqual(['create', 'note', 'complete']);
	});

	it('makes exactly one payment when two tabs replay the same outbox at once', async () => {
		const store = freshStore();
		const { hub, changes } = idempotentHub();
		const payment = await openPayment(store);
		await store.markQueued(payment.reference);
		for (let note = 0; note < 5; note++) {
			await store.append(payment.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 1_000 });
		}
		await store.append(payment.reference, { kind: 'cancel', key: crypto.randomUUID(), reason: 'timeout' });
		// No Web Locks here: the two runners really overlap, and the hub's idempotency keeps it single.
		const tabs = [new OutboxReplayer({ store, hub }), new OutboxReplayer({ store, hub })];
		await Promise.all(tabs.map((tab) => tab.kick()));
		expect(changes).toEqual(['create', 'note 1000', 'note 1000', 'note 1000', 'note 1000', 'note 1000', 'cancel timeout']);
		expect(await store.list()).toEqual([]);
	});
});

describe('a payment left behind by a power cut', () => {
	it('is finished by the runner when its notes reached the amount, else turned into a voucher', async () => {
		const store = freshStore();
		const { hub, changes } = idempotentHub();
		const paidInFull = await openPayment(store);
		await store.append(paidInFull.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 2_000 });
		const partly = await openPayment(store);
		await store.append(partly.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 1_000 });

		// Within ten minutes the citizen's own screen may still come back to it (a reload).
		await replayOutbox(
			store,
			hub,
			() => undefined,
			() => new Date(Date.now() + 5 * 60_000)
		);
		expect(changes).toEqual(['create', 'note 2000', 'create', 'note 1000']);
		expect(await store.summary()).toMatchObject({ queued: 2 });

		await replayOutbox(
			store,
			hub,
			() => undefined,
			() => new Date(Date.now() + 11 * 60_000)
		);
		expect(changes.slice(4)).toEqual(['complete', 'cancel device_failed']);
		expect(await store.list()).toEqual([]);
	});
});

describe('the operator’s way out of a dead letter', () => {
	it('cancels a payment whose completion the hub refused, so its notes become a voucher', async () => {
		const store = freshStore();
		const { hub, changes } = idempotentHub();
		const refusingHub: ReplayHub = { ...hub, complete: async () => ({ kind: 'refused', code: 'amount_not_reached' }) };
		const payment = await openPayment(store);
		await store.append(payment.reference, { kind: 'note', key: crypto.randomUUID(), valuePaise: 1_000 });
		await store.append(payment.reference, { kind: 'complete', key: crypto.randomUUID() });
		await replayOutbox(store, refusingHub, () => undefined);
		expect((await store.get(payment.reference))?.deadLetter).toMatchObject({ code: 'amount_not_reached', step: 'complete' });

		await store.cancelInstead(payment.reference, crypto.randomUUID());
		await replayOutbox(store, refusingHub, () => undefined);
		expect(changes).toEqual(['create', 'note 1000', 'cancel device_failed']);
		expect(await store.list()).toEqual([]);
	});
});

describe('a card payment', () => {
	it('keeps the terminal’s approval until the hub has it, and leaves the outbox after', async () => {
		const store = freshStore();
		const { hub, changes, state } = idempotentHub();
		const replayer = new OutboxReplayer({ store, hub });
		const payment = await openPayment(store);
		await replayer.kick();
		state.reachable = false;
		const journal = new PaymentJournal(store, replayer, payment.reference);
		const approval = {
			mode: 'card',
			authCode: 'A1B2C3',
			rrn: 'RRN000000001',
			maskedPan: '411111XXXXXX1111',
			cardType: 'visa',
			amountPaise: 1_700
		} as const;
		expect(await journal.approval(approval)).toEqual({ kind: 'unanswered' });
		expect((await store.get(payment.reference))?.steps.map((step) => step.kind)).toEqual(['create', 'approval']);

		state.reachable = true;
		await replayer.kick();
		expect(changes).toEqual(['create', 'approval 1700']);
		expect(await store.list()).toEqual([]);
	});
});
