import * as v from 'valibot';
import { noteTransactionStarted } from '$lib/machine/heartbeat';
import { callHub, type HubAnswer } from '$lib/machine/hub';
import {
	API_PATHS,
	IDEMPOTENCY_KEY_HEADER,
	KIOSK_REPLAY_HEADER,
	paymentView,
	type ApprovalRequest,
	type CancelRequest,
	type CardOnlineStartRequest,
	type CreatePaymentRequest,
	type PaymentView
} from '$lib/contract';

/** What became of a payment command after its retries. */
export type CommandResult =
	| { kind: 'done'; view: PaymentView }
	| { kind: 'refused'; code: string }
	/** The hub could not be reached in time; the command may or may not have happened. */
	| { kind: 'unanswered' };

/** Waits between tries of one command: long enough for a link to come back, short for a citizen. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
/** For a caller that retries at a layer of its own (the outbox's runner): each command is sent once. */
export const SEND_ONCE: readonly number[] = [];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The kiosk's side of the payment API. Every command carries an idempotency key made before its
 * first try and is retried with the same key, so a lost answer never makes a second payment.
 */
export class PaymentHub {
	readonly #fetch: typeof fetch;
	readonly #retryDelaysMs: readonly number[];

	constructor(fetchImpl: typeof fetch, retryDelaysMs: readonly number[] = RETRY_DELAYS_MS) {
		this.#fetch = fetchImpl;
		this.#retryDelaysMs = retryDelaysMs;
	}

	/**
	 * `queuedAt`: the outbox sends a payment the citizen already paid while the kiosk was offline,
	 * queued at that instant; the hub takes it even if this kiosk has fallen behind the current
	 * version since.
	 */
	async create(request: CreatePaymentRequest, key: string = crypto.randomUUID(), options: { queuedAt?: string } = {}) {
		const headers: Record<string, string> = options.queuedAt ? { [KIOSK_REPLAY_HEADER]: options.queuedAt } : {};
		const result = await this.#command(API_PATHS.payments, request, key, headers);
		if (result.kind === 'done') noteTransactionStarted(new Date(result.view.createdAt));
		return result;
	}

	noteCredited(transactionId: string, valuePaise: number, key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.notes(transactionId), { valuePaise }, key);
	}

	complete(transactionId: string, key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.complete(transactionId), {}, key);
	}

	cancel(transactionId: string, reason: CancelRequest['reason'], key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.cancel(transactionId), { reason }, key);
	}

	approval(transactionId: string, approval: ApprovalRequest, key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.approval(transactionId), approval, key);
	}

	cardOnlineStart(transactionId: string, card: CardOnlineStartRequest, key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.cardOnlineStart(transactionId), card, key);
	}

	cardOnlineOtp(transactionId: string, otp: string, key: string = crypto.randomUUID()) {
		return this.#command(API_PATHS.cardOnlineOtp(transactionId), { otp }, key);
	}

	aadhaarPay(
		transactionId: string,
		request: { aadhaarNumber: string; bankIin: string; pidBlock: string },
		key: string = crypto.randomUUID()
	) {
		return this.#command(API_PATHS.aadhaarPay(transactionId), request, key);
	}

	/** The payment as the hub has it: after a reload, or to settle an unanswered command. */
	async current(transactionId: string): Promise<CommandResult> {
		return this.#interpret(await callHub(this.#fetch, API_PATHS.payment(transactionId)));
	}

	/**
	 * The kiosk's request layer, and its one retry loop: a command a citizen waits for on the screen
	 * (card online, Aadhaar) is sent again under the same key while the hub is unreachable, fails, or
	 * is still answering that key, for some 15 seconds. The outbox layer does not use this loop (its
	 * PaymentHub sends once) because its runner retries whole passes, for hours if need be; the hub
	 * retries no request (a key still running is answered `request_in_progress`), only its own
	 * transaction that lost a race, inside one request.
	 */
	async #command(path: string, body: unknown, key: string, headers: Record<string, string> = {}): Promise<CommandResult> {
		for (let attempt = 0; ; attempt++) {
			const answer = await callHub(this.#fetch, path, { body, headers: { ...headers, [IDEMPOTENCY_KEY_HEADER]: key } });
			const retryable =
				answer.kind === 'unreachable' ||
				answer.kind === 'failed' ||
				(answer.kind === 'refused' && answer.code === 'request_in_progress');
			const delay = this.#retryDelaysMs[attempt];
			if (!retryable || delay === undefined) return this.#interpret(answer);
			await pause(delay);
		}
	}

	#interpret(answer: HubAnswer): CommandResult {
		if (answer.kind === 'ok') {
			const parsed = v.safeParse(paymentView, answer.body);
			return parsed.success ? { kind: 'done', view: parsed.output } : { kind: 'unanswered' };
		}
		if (answer.kind === 'refused') return { kind: 'refused', code: answer.code };
		return { kind: 'unanswered' };
	}
}

export type { PaymentView };
