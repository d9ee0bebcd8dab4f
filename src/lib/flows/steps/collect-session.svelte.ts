import * as v from 'valibot';
import { billQuote, type BillQuote, type Locale, type PaymentMode, type PaymentView } from '$lib/contract';
import { isMessageId, type MessageId } from '$lib/i18n/translate';
import { readKioskConfig } from '$lib/machine/config';
import { readKioskIdentity } from '$lib/machine/identity';
import { requireUpdate } from '$lib/machine/updates.svelte';
import { forgetBill } from '$lib/checkout/offline/bill-cache';
import { offlineCashRefusal } from '$lib/checkout/offline/offline-cash';
import { outboxPaymentView } from '$lib/checkout/offline/queued-view';
import { isClosed, kioskOutbox, PaymentJournal, type KioskOutbox, type OutboxPayment } from '$lib/checkout/outbox';
import { PaymentHub } from '$lib/checkout/payment-hub';
import { withAnswers, withResult, type WizardData } from '../engine';
import type { CollectStep, Flow } from '../types';
import { saveWizard } from '../wizard-storage';
import { goToNextStep } from './navigation';

/** What the collect step is about: its flow, the wizard it found, and the screen's language. */
export interface CollectContext {
	step: CollectStep;
	flow: Flow;
	/** The citizen's answers and lookups as the step found them; the session owns them from here. */
	wizard: WizardData;
	/** Read when it is needed (the payment's language, the next step's address): the citizen may switch. */
	readonly locale: Locale;
}

/** Where the session reaches the hub and the outbox: the kiosk's own unless a test gives others. */
export interface CollectConnections {
	fetch: typeof fetch;
	outbox: KioskOutbox;
}

/**
 * The collect step's payment, from start to the next step: written to the outbox before the hub
 * is asked for it, taken offline within the kiosk's limits when the hub does not answer, picked up
 * again after a reload, and ended with the hub's record, or as queued when the hub has not heard.
 * The mode screen (cash, card, card online, Aadhaar) takes the money in between.
 */
export class CollectSession {
	/** The hub's payment the mode screen takes money for; set once the hub (or the outbox) has it. */
	payment = $state<PaymentView | undefined>();
	/** Where the mode screen records money moving; the payment's record in the outbox. */
	journal = $state<PaymentJournal | undefined>();
	/** Set while the hub is unreachable and the cash goes into the outbox, to be sent later. */
	queuedReference = $state<string | undefined>();
	/** Why the payment cannot be taken: the hub refused it, or the kiosk may not take it offline. */
	refusal = $state<MessageId | undefined>();
	/** A card sale the terminal never settled: the operator settles it with the bank. */
	unsettled = $state<string | undefined>();

	/** The step's one client of the hub's payment API: its own questions and the mode screens' commands. */
	readonly hub: PaymentHub;
	readonly quote: BillQuote;
	readonly mode: PaymentMode;
	readonly #context: CollectContext;
	readonly #outbox: KioskOutbox;
	#saved: WizardData;

	constructor(context: CollectContext, connections: CollectConnections = { fetch, outbox: kioskOutbox() }) {
		this.#context = context;
		this.#outbox = connections.outbox;
		this.hub = new PaymentHub(connections.fetch);
		this.#saved = context.wizard;
		this.quote = v.parse(billQuote, context.wizard.results[context.step.quoteStep]);
		this.mode = context.wizard.answers[context.step.paymentStep]?.mode as PaymentMode;
	}

	/**
	 * The payment goes into the outbox (on disk) before the hub is asked for it; the outbox's one
	 * runner sends it. After a reload the outbox has the payment and every note credited so far.
	 */
	async start(): Promise<void> {
		const reference = this.#answer('outboxReference');
		if (reference !== undefined) return this.#resume(reference);
		const { step, locale } = this.#context;
		const { store, replayer } = this.#outbox;
		const request = step.createPayment({ answers: this.#saved.answers, quote: this.quote, mode: this.mode, locale });
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- an instant written down, never state
		const now = new Date().toISOString();
		const opened = await store.open({
			createKey: crypto.randomUUID(),
			createdAt: now,
			// Only an enrolled kiosk reaches a payment (the layout sends others to enrolment).
			kioskCode: (await readKioskIdentity())?.kioskCode ?? '',
			request,
			toCollectPaise: this.#toCollectPaise(),
			payablePaise: this.quote.payablePaise,
			billFetchedAt: this.#saved.answers[step.quoteStep]?.fetchedAt ?? now
		});
		this.#remember(withAnswers(this.#context.flow, this.#saved, step.id, { outboxReference: opened.reference }));
		this.journal = new PaymentJournal(store, replayer, opened.reference);
		const created = await replayer.settle(opened.reference, opened.steps[0]!.key);
		if (created.kind === 'done') return this.#goOn(created.view);
		if (created.kind === 'refused') return this.#refuse(created.code);
		await this.#takeOffline(opened);
	}

	/** The payment ended with the hub's record: the next step shows it and prints the receipt. */
	async finish(view: PaymentView): Promise<void> {
		const reference = this.#answer('outboxReference');
		if (reference !== undefined && view.mode !== 'cash') await this.#outbox.store.settled(reference);
		if (view.status === 'posted' || view.status === 'paid') forgetBill(localStorage, view.biller.id, view.consumer.identifier);
		this.#remember(withResult(this.#saved, this.#context.step.id, view));
		await this.#toNextStep();
	}

	/** The hub has not acknowledged how the payment ended: the receipt says it is queued. */
	async finishQueued(reference: string): Promise<void> {
		const { store } = this.#outbox;
		const kept = await store.get(reference);
		if (kept && !isClosed(kept)) {
			this.unsettled = this.#answer('transactionId') ?? reference;
			return;
		}
		if (kept === undefined) {
			const current = await this.#hubRecord();
			if (current !== undefined) return this.finish(current);
		}
		if (kept) await store.markQueued(reference);
		const view = kept ? outboxPaymentView(kept, this.quote, location.origin) : undefined;
		const stepId = this.#context.step.id;
		this.#remember(
			withAnswers(this.#context.flow, this.#saved, stepId, { ...this.#saved.answers[stepId], queuedReference: reference })
		);
		if (view) this.#remember(withResult(this.#saved, stepId, view));
		await this.#toNextStep();
	}

	/** The hub did not answer the create: cash may still be taken, within the offline limits. */
	async #takeOffline(opened: OutboxPayment): Promise<void> {
		const { store } = this.#outbox;
		const limits = readKioskConfig(localStorage).offlineCash;
		const others = (await store.list()).filter((entry) => entry.reference !== opened.reference);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the instant the limits are checked at, never state
		const now = new Date();
		const refusedOffline = this.mode === 'cash' ? offlineCashRefusal(limits, opened, others, now) : ('needsConnection' as const);
		if (refusedOffline !== null) {
			// Nothing was taken; if the create reached the hub after all, the outbox cancels it there.
			await store.append(opened.reference, { kind: 'cancel', key: crypto.randomUUID(), reason: 'citizen' });
			this.refusal = `offline.cash.${refusedOffline}`;
			return;
		}
		const queued = await store.markQueued(opened.reference);
		this.queuedReference = queued.reference;
		// Queued for this consumer: the cached bill is not offered for payment a second time.
		forgetBill(localStorage, this.quote.biller.id, this.quote.identifier);
		this.payment = outboxPaymentView(queued, this.quote, location.origin);
	}

	async #resume(reference: string): Promise<void> {
		const { store, replayer } = this.#outbox;
		this.journal = new PaymentJournal(store, replayer, reference);
		const kept = await store.get(reference);
		if (kept === undefined) {
			// Every step reached the hub: its record of the payment is the outcome.
			const current = await this.#hubRecord();
			if (current !== undefined) return this.finish(current);
			this.refusal = 'error.hubUnreachable';
			return;
		}
		if (kept.queued) this.queuedReference = kept.reference;
		if (!isClosed(kept)) {
			this.payment = outboxPaymentView(kept, this.quote, location.origin);
			return;
		}
		const closing = kept.steps.findLast((entry) => entry.kind !== 'create' && entry.kind !== 'note');
		const result = closing ? await replayer.settle(reference, closing.key) : { kind: 'unanswered' as const };
		if (result.kind === 'done') return this.finish(result.view);
		await this.finishQueued(reference);
	}

	async #goOn(view: PaymentView): Promise<void> {
		const stepId = this.#context.step.id;
		this.#remember(
			withAnswers(this.#context.flow, this.#saved, stepId, { ...this.#saved.answers[stepId], transactionId: view.transactionId })
		);
		if (view.status === 'awaiting_payment' || view.status === 'created') this.payment = view;
		else await this.finish(view);
	}

	#refuse(code: string): void {
		if (code === 'kiosk_outdated') requireUpdate();
		const candidates = [`payment.refused.${code}`, `payment.unavailable.${code}`];
		this.refusal = (candidates.find(isMessageId) as MessageId | undefined) ?? 'payment.refused.other';
		if (code === 'bill_already_paid') this.refusal = 'bill.error.alreadyPaid';
	}

	/** The hub's record of the payment, when the hub has one and answers. */
	async #hubRecord(): Promise<PaymentView | undefined> {
		const transactionId = this.#answer('transactionId');
		const current = transactionId ? await this.hub.current(transactionId) : undefined;
		return current?.kind === 'done' ? current.view : undefined;
	}

	#toCollectPaise(): number {
		const offer = this.quote.modes[this.mode];
		if (!offer.available) return this.quote.payablePaise;
		return 'toCollectPaise' in offer ? offer.toCollectPaise : offer.debit.toCollectPaise;
	}

	#answer(name: string): string | undefined {
		return this.#saved.answers[this.#context.step.id]?.[name];
	}

	#remember(next: WizardData): void {
		this.#saved = next;
		saveWizard(sessionStorage, this.#context.flow.id, next);
	}

	#toNextStep(): Promise<void> {
		const { flow, step, locale } = this.#context;
		return goToNextStep(flow, locale, step.id);
	}
}
