import type { SerialLineSettings } from '../serial/serial-port';
import type { SimulatedSerialDevice } from '../serial/simulated-serial-port';
import { CARD_TERMINAL_LINE_SETTINGS, drainFrames } from './link-codec';
import {
	encodeMessage,
	parseRequest,
	type ApprovedSale,
	type SaleResult,
	type StatusResult,
	type TerminalReply,
	type TerminalRequest,
	type VoidResult
} from './terminal-messages';

/**
 * A card terminal at the device end of a simulated serial cable, speaking the link protocol in
 * link-codec.ts. Put it in a `SimulatedSerialPort` and give that to `SerialCardTerminal`.
 * A tester plays the citizen: approve, decline, cancel, or let the reply get lost (time out).
 */

/** What the citizen does at the terminal with the sale in front of them. */
export type CitizenAction =
	| { kind: 'approve'; card?: Partial<Pick<ApprovedSale, 'maskedPan' | 'cardType'>> }
	| { kind: 'decline'; reason: string }
	| { kind: 'cancel' }
	/** The terminal finishes the sale this way, but its reply never reaches the kiosk. */
	| { kind: 'time-out'; then: 'approved' | 'declined' };

export interface PendingSale {
	ref: string;
	amountPaise: number;
}

export interface SimulatedCharge {
	ref: string;
	amountPaise: number;
	rrn: string;
	voided: boolean;
}

/** The protocol's limit for a citizen at the terminal (see link-codec.ts). */
const CITIZEN_TIME_LIMIT_MS = 120_000;

type SaleRecord =
	| { ref: string; amountPaise: number; state: 'in-progress' }
	| { ref: string; amountPaise: number; state: 'done'; result: SaleResult; voided: boolean };

export class CardTerminalSimulator implements SimulatedSerialDevice {
	readonly name = 'Simulated card terminal';
	readonly lineSettings: SerialLineSettings;
	#toHost: ((bytes: Uint8Array) => void) | null = null;
	/** Bytes from the kiosk that do not make a whole frame yet. */
	#unframed = new Uint8Array(0);
	#offline = false;
	#sales = new Map<string, SaleRecord>();
	#pending: PendingSale | null = null;
	#nextSaleAction: CitizenAction | null = null;
	#approvals = 0;
	#listeners = new Set<() => void>();
	readonly #citizenTimeLimitMs: number;
	#citizenTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: { lineSettings?: SerialLineSettings; citizenTimeLimitMs?: number } = {}) {
		this.lineSettings = options.lineSettings ?? CARD_TERMINAL_LINE_SETTINGS;
		this.#citizenTimeLimitMs = options.citizenTimeLimitMs ?? CITIZEN_TIME_LIMIT_MS;
	}

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#toHost = toHost;
	}

	detach(): void {
		this.#toHost = null;
	}

	receive(bytes: Uint8Array): void {
		// Switched off, the terminal hears nothing, and what was on the wire is gone.
		if (this.#offline) return;
		const joined = new Uint8Array(this.#unframed.length + bytes.length);
		joined.set(this.#unframed);
		joined.set(bytes, this.#unframed.length);
		const { payloads, rest } = drainFrames(joined);
		this.#unframed = rest.slice();
		for (const payload of payloads) {
			const request = parseRequest(payload);
			if (request) this.#handle(request);
		}
	}

	// Tester API

	/** The sale waiting for the citizen, if any. */
	get pendingSale(): PendingSale | null {
		return this.#pending;
	}

	get offline(): boolean {
		return this.#offline;
	}

	approve(card?: Partial<Pick<ApprovedSale, 'maskedPan' | 'cardType'>>): void {
		this.#act({ kind: 'approve', card });
	}

	decline(reason: string): void {
		this.#act({ kind: 'decline', reason });
	}

	cancel(): void {
		this.#act({ kind: 'cancel' });
	}

	/** The sale ends as `then`, but the reply is lost: the kiosk sees 'unknown' and asks status later. */
	timeOut(then: 'approved' | 'declined'): void {
		this.#act({ kind: 'time-out', then });
	}

	/** Decides the next sale as soon as it arrives, for end-to-end tests that cannot click in time. */
	respondToNextSale(action: CitizenAction | null): void {
		this.#nextSaleAction = action;
		this.#notify();
	}

	/** A terminal switched off or unplugged: it neither hears nor answers. */
	setOffline(offline: boolean): void {
		this.#offline = offline;
		this.#unframed = new Uint8Array(0);
		this.#notify();
	}

	/** Every approved sale: what the citizen's bank account would show. */
	charges(): SimulatedCharge[] {
		return [...this.#sales.values()].flatMap((sale) =>
			sale.state === 'done' && sale.result.outcome === 'approved'
				? [{ ref: sale.ref, amountPaise: sale.amountPaise, rrn: sale.result.rrn, voided: sale.voided }]
				: []
		);
	}

	/** Calls `listener` whenever a sale arrives, ends, or the tester changes the terminal. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#handle(request: TerminalRequest): void {
		switch (request.type) {
			case 'sale':
				return this.#sale(request.ref, request.amountPaise);
			case 'status': {
				const result = this.#status(request.ref);
				return this.#reply({ type: 'result', request: 'status', ref: request.ref, result });
			}
			case 'void': {
				const result = this.#void(request.ref);
				return this.#reply({ type: 'result', request: 'void', ref: request.ref, result });
			}
		}
	}

	#sale(ref: string, amountPaise: number): void {
		const known = this.#sales.get(ref);
		const replyWith = (result: SaleResult) => this.#reply({ type: 'result', request: 'sale', ref, result });
		if (known && known.amountPaise !== amountPaise) {
			return replyWith({ outcome: 'declined', reason: 'ref-reused' });
		}
		// Still with the citizen: the one reply, when it comes, answers this request too.
		if (known?.state === 'in-progress') return;
		if (known?.state === 'done') return replyWith(known.result);
		if (this.#pending) return replyWith({ outcome: 'declined', reason: 'terminal-busy' });

		this.#sales.set(ref, { ref, amountPaise, state: 'in-progress' });
		this.#pending = { ref, amountPaise };
		const action = this.#nextSaleAction;
		this.#nextSaleAction = null;
		if (action) return this.#act(action);
		// Like a real terminal, give up on a citizen who walks away, so the next sale is not refused as busy.
		this.#citizenTimer = setTimeout(() => this.#act({ kind: 'cancel' }), this.#citizenTimeLimitMs);
		this.#notify();
	}

	#status(ref: string): StatusResult {
		const sale = this.#sales.get(ref);
		if (!sale) return { outcome: 'not-found' };
		if (sale.state === 'in-progress') return { outcome: 'in-progress' };
		return sale.voided ? { outcome: 'voided' } : sale.result;
	}

	#void(ref: string): VoidResult {
		const sale = this.#sales.get(ref);
		if (!sale) return { outcome: 'not-found' };
		if (sale.state === 'in-progress') return { outcome: 'refused', reason: 'sale-in-progress' };
		if (sale.result.outcome !== 'approved') return { outcome: 'refused', reason: 'sale-not-approved' };
		this.#sales.set(ref, { ...sale, voided: true });
		this.#notify();
		return { outcome: 'voided' };
	}

	#act(action: CitizenAction): void {
		const pending = this.#pending;
		if (!pending) throw new Error('There is no sale waiting at the card terminal');
		clearTimeout(this.#citizenTimer);
		const result = this.#resultOf(action, pending.amountPaise);
		this.#sales.set(pending.ref, { ...pending, state: 'done', result, voided: false });
		this.#pending = null;
		if (action.kind !== 'time-out') this.#reply({ type: 'result', request: 'sale', ref: pending.ref, result });
		this.#notify();
	}

	#resultOf(action: CitizenAction, amountPaise: number): SaleResult {
		switch (action.kind) {
			case 'approve':
				return this.#approval(amountPaise, action.card);
			case 'decline':
				return { outcome: 'declined', reason: action.reason };
			case 'cancel':
				return { outcome: 'cancelled' };
			case 'time-out':
				return action.then === 'approved' ? this.#approval(amountPaise) : { outcome: 'declined', reason: 'issuer-unavailable' };
		}
	}

	/** Made-up but well-formed approval details, different for every sale. */
	#approval(amountPaise: number, card?: Partial<Pick<ApprovedSale, 'maskedPan' | 'cardType'>>): ApprovedSale {
		this.#approvals += 1;
		const serial = String(this.#approvals);
		return {
			outcome: 'approved',
			authCode: serial.padStart(6, '0'),
			maskedPan: card?.maskedPan ?? '608326******4321',
			cardType: card?.cardType ?? 'rupay',
			rrn: `5${serial.padStart(11, '0')}`,
			amountPaise
		};
	}

	#reply(reply: TerminalReply): void {
		if (!this.#offline) this.#toHost?.(encodeMessage(reply));
	}

	#notify(): void {
		for (const listener of this.#listeners) listener();
	}
}
