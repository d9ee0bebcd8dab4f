import * as v from 'valibot';
import type { FrameExtractor } from '../serial/byte-stream-reader';
import { SerialConnection } from '../serial/serial-connection';
import type { SerialLineSettings, SerialPortLike } from '../serial/serial-port';
import {
	CardTerminalNotRespondingError,
	SaleAlreadyAttemptedError,
	type CardTerminal,
	type SaleOutcome,
	type StatusOutcome,
	type VoidOutcome
} from './card-terminal';
import { CARD_TERMINAL_LINE_SETTINGS, extractFrame } from './link-codec';
import { amountPaiseSchema, encodeMessage, parseReply, saleRefSchema, type TerminalReply, type TerminalRequest } from './terminal-messages';

export interface SerialCardTerminalOptions {
	lineSettings?: SerialLineSettings;
	/**
	 * How long a sale may take before its outcome is 'unknown'. Longer than the terminal's own
	 * 120-second limit for a citizen at the keypad, so a sale it cancels is reported as cancelled.
	 */
	saleTimeoutMs?: number;
	/** How long status and void may take; the terminal answers them at once. */
	queryTimeoutMs?: number;
}

const DEFAULT_SALE_TIMEOUT_MS = 150_000;
const DEFAULT_QUERY_TIMEOUT_MS = 5_000;

type ReplyTo<Request extends TerminalRequest['type']> = Extract<TerminalReply, { request: Request }>;

/** The kiosk's side of the card terminal link (link-codec.ts) over WebSerial. */
export class SerialCardTerminal implements CardTerminal {
	readonly #port: SerialPortLike;
	readonly #lineSettings: SerialLineSettings;
	readonly #saleTimeoutMs: number;
	readonly #queryTimeoutMs: number;
	/** Refs a sale frame was (or may have been) sent for: the driver never sends one twice. */
	readonly #attemptedSales = new Set<string>();
	#connection: SerialConnection | null = null;
	/** The terminal handles one request at a time, so requests wait for the one before. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(port: SerialPortLike, options: SerialCardTerminalOptions = {}) {
		this.#port = port;
		this.#lineSettings = options.lineSettings ?? CARD_TERMINAL_LINE_SETTINGS;
		this.#saleTimeoutMs = options.saleTimeoutMs ?? DEFAULT_SALE_TIMEOUT_MS;
		this.#queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
	}

	async connect(): Promise<void> {
		this.#connection = await SerialConnection.open(this.#port, this.#lineSettings);
	}

	async sale(amountPaise: number, ref: string): Promise<SaleOutcome> {
		v.parse(amountPaiseSchema, amountPaise);
		v.parse(saleRefSchema, ref);
		this.#requireConnected();
		if (this.#attemptedSales.has(ref)) throw new SaleAlreadyAttemptedError(ref);
		// Recorded before anything is written: a write that fails half-way may still have reached the terminal.
		this.#attemptedSales.add(ref);
		const reply = await this.#ask({ type: 'sale', ref, amountPaise }, this.#saleTimeoutMs);
		return reply ? reply.result : { outcome: 'unknown' };
	}

	async status(ref: string): Promise<StatusOutcome> {
		v.parse(saleRefSchema, ref);
		this.#requireConnected();
		const reply = await this.#ask({ type: 'status', ref }, this.#queryTimeoutMs);
		if (!reply) throw new CardTerminalNotRespondingError(`The card terminal did not say what became of ${ref}`);
		return reply.result;
	}

	async void(ref: string): Promise<VoidOutcome> {
		v.parse(saleRefSchema, ref);
		this.#requireConnected();
		const reply = await this.#ask({ type: 'void', ref }, this.#queryTimeoutMs);
		return reply ? reply.result : { outcome: 'unknown' };
	}

	async close(): Promise<void> {
		const connection = this.#connection;
		this.#connection = null;
		await connection?.close();
	}

	#requireConnected(): SerialConnection {
		if (!this.#connection) throw new Error('The card terminal is not connected');
		return this.#connection;
	}

	/**
	 * Sends `request` once and waits for its reply, or resolves with null when none comes in
	 * time or the link fails. There is deliberately no second send.
	 */
	#ask<Request extends TerminalRequest>(request: Request, timeoutMs: number): Promise<ReplyTo<Request['type']> | null> {
		const asking = this.#queue.then(async () => {
			const connection = this.#requireConnected();
			// A reply that arrived after an earlier request gave up must not answer this one.
			connection.discardBuffered();
			try {
				await connection.write(encodeMessage(request));
				return await connection.readFrame(replyTo(request), timeoutMs);
			} catch {
				return null;
			}
		});
		this.#queue = asking.catch(() => undefined);
		return asking;
	}
}

/** Accepts only the reply to `request`; other frames (late or corrupted) are skipped. */
function replyTo<Request extends TerminalRequest>(request: Request): FrameExtractor<ReplyTo<Request['type']>> {
	return (bytes) => {
		const { frame, consumed } = extractFrame(bytes);
		const reply = frame ? parseReply(frame) : null;
		const answers = reply?.request === request.type && reply.ref === request.ref;
		return { frame: answers ? (reply as ReplyTo<Request['type']>) : null, consumed };
	};
}
