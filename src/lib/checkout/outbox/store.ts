import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PaymentView } from '$lib/contract';
import { isClosed, type DeadLetter, type OutboxPayment, type OutboxStep, type OutboxSummary } from './types';

interface OutboxSchema extends DBSchema {
	payments: { key: string; value: OutboxPayment; indexes: { bySequence: number } };
	counters: { key: string; value: number };
}

const DATABASE_NAME = 'emitra-outbox';
/** Every write that records money waits until it is on disk, so a power cut cannot undo it. */
const STRICT = { durability: 'strict' } as const;
/**
 * An acknowledgement need not wait for the disk: if a power cut loses it, the step is sent again
 * under the same idempotency key and the hub gives the same answer, changing nothing.
 */
const RELAXED = { durability: 'relaxed' } as const;

export type NewOutboxPayment = Omit<
	OutboxPayment,
	'reference' | 'sequence' | 'steps' | 'lastView' | 'deadLetter' | 'transactionId' | 'queued'
> & { createKey: string };

/** A step as the kiosk records it; the store sets when it happened and that it is not yet acknowledged. */
export type NewStep = OutboxStep extends infer Step ? (Step extends OutboxStep ? Omit<Step, 'at' | 'acknowledged'> : never) : never;

/**
 * The kiosk's payment outbox in IndexedDB: one record per payment the hub has not fully
 * acknowledged. Every change is one strict transaction; nothing here talks to the hub.
 */
export class OutboxStore {
	readonly #db: Promise<IDBPDatabase<OutboxSchema>>;
	readonly #now: () => Date;

	constructor(name = DATABASE_NAME, now: () => Date = () => new Date()) {
		this.#now = now;
		this.#db = openDB<OutboxSchema>(name, 1, {
			upgrade(db) {
				db.createObjectStore('payments', { keyPath: 'reference' }).createIndex('bySequence', 'sequence', { unique: true });
				db.createObjectStore('counters');
			}
		});
	}

	/** Records a new payment with its create step, before the hub is asked for it. */
	async open(payment: NewOutboxPayment): Promise<OutboxPayment> {
		const db = await this.#db;
		const tx = db.transaction(['payments', 'counters'], 'readwrite', STRICT);
		const sequence = ((await tx.objectStore('counters').get('sequence')) ?? 0) + 1;
		await tx.objectStore('counters').put(sequence, 'sequence');
		const { createKey, ...details } = payment;
		const record: OutboxPayment = {
			...details,
			reference: `Q-${payment.kioskCode}-${String(sequence).padStart(4, '0')}`,
			sequence,
			queued: false,
			transactionId: null,
			steps: [{ kind: 'create', key: createKey, at: this.#now().toISOString(), acknowledged: false }],
			lastView: null,
			deadLetter: null
		};
		await tx.objectStore('payments').add(record);
		await tx.done;
		return record;
	}

	get(reference: string): Promise<OutboxPayment | undefined> {
		return this.#db.then((db) => db.get('payments', reference));
	}

	/** Oldest first. */
	list(): Promise<OutboxPayment[]> {
		return this.#db.then((db) => db.getAllFromIndex('payments', 'bySequence'));
	}

	/** Adds a step (a note credited, the payment completed or cancelled); on disk when this resolves. */
	append(reference: string, step: NewStep): Promise<OutboxPayment> {
		return this.#change(reference, (payment) => ({
			...payment,
			steps: [...payment.steps, { ...step, at: this.#now().toISOString(), acknowledged: false } as OutboxStep]
		}));
	}

	/** Money went in before the hub confirmed the payment: it is now a queued (offline) payment. */
	markQueued(reference: string): Promise<OutboxPayment> {
		return this.#change(reference, (payment) => ({ ...payment, queued: true }));
	}

	/**
	 * The hub acknowledged a step. A payment whose every step is acknowledged and that the kiosk has
	 * closed leaves the outbox in the same transaction. Returns the record, or undefined once gone.
	 */
	async acknowledge(reference: string, key: string, view: PaymentView | null): Promise<OutboxPayment | undefined> {
		const db = await this.#db;
		const tx = db.transaction('payments', 'readwrite', RELAXED);
		const payment = await tx.store.get(reference);
		if (payment === undefined) {
			await tx.done;
			return undefined;
		}
		const next: OutboxPayment = {
			...payment,
			transactionId: view?.transactionId ?? payment.transactionId,
			lastView: view ?? payment.lastView,
			deadLetter: null,
			steps: payment.steps.map((step) => (step.key === key ? { ...step, acknowledged: true } : step))
		};
		const done = isClosed(next) && next.steps.every((step) => step.acknowledged);
		if (done) await tx.store.delete(reference);
		else await tx.store.put(next);
		await tx.done;
		return done ? undefined : next;
	}

	deadLetter(reference: string, deadLetter: DeadLetter): Promise<OutboxPayment> {
		return this.#change(reference, (payment) => ({ ...payment, deadLetter }));
	}

	/**
	 * Another try of a step the hub refused. The hub stores a refusal under its key (and a refusal
	 * changed nothing), so the step gets a new key or the hub would only repeat the refusal.
	 */
	retry(reference: string): Promise<OutboxPayment> {
		return this.#change(reference, (payment) => {
			const refused = payment.steps.findIndex((step) => !step.acknowledged);
			return {
				...payment,
				deadLetter: null,
				steps: payment.steps.map((step, index) => (index === refused ? { ...step, key: crypto.randomUUID() } : step))
			};
		});
	}

	/**
	 * The operator's way out of a refused completion: the payment is cancelled instead, and the hub
	 * turns its notes into a voucher credited to the consumer's account. The refused step changed
	 * nothing on the hub, so it is replaced, not kept.
	 */
	cancelInstead(reference: string, key: string): Promise<OutboxPayment> {
		return this.#change(reference, (payment) => ({
			...payment,
			deadLetter: null,
			steps: [
				...payment.steps.filter((step) => step.acknowledged || (step.kind !== 'complete' && step.kind !== 'cancel')),
				{ kind: 'cancel', key, reason: 'device_failed', at: this.#now().toISOString(), acknowledged: false }
			]
		}));
	}

	/**
	 * A card, card-online or Aadhaar payment ends on its own screen with the hub's final answer
	 * (the hub acknowledged it there); its record leaves once its create was acknowledged.
	 */
	async settled(reference: string): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction('payments', 'readwrite', STRICT);
		const payment = await tx.store.get(reference);
		if (payment?.steps.every((step) => step.acknowledged)) await tx.store.delete(reference);
		await tx.done;
	}

	/** Only for a payment that took no money and that the hub refused: there is nothing to keep. */
	async remove(reference: string): Promise<void> {
		const db = await this.#db;
		const tx = db.transaction('payments', 'readwrite', STRICT);
		await tx.store.delete(reference);
		await tx.done;
	}

	async summary(): Promise<OutboxSummary> {
		const payments = await this.list();
		const waiting = payments.filter((payment) => payment.deadLetter === null);
		return {
			queued: waiting.length,
			oldestQueuedAt: waiting[0]?.createdAt ?? null,
			deadLetters: payments.length - waiting.length
		};
	}

	async #change(reference: string, change: (payment: OutboxPayment) => OutboxPayment): Promise<OutboxPayment> {
		const db = await this.#db;
		const tx = db.transaction('payments', 'readwrite', STRICT);
		const payment = await tx.store.get(reference);
		if (payment === undefined) throw new Error(`Outbox has no payment ${reference}`);
		const next = change(payment);
		await tx.store.put(next);
		await tx.done;
		return next;
	}
}
