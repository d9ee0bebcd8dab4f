import type { SaleResult, StatusResult, VoidResult } from './terminal-messages';

export type { ApprovedSale, CardType } from './terminal-messages';

/** No reply in time: the money may or may not have moved. Only `status(ref)` can tell. */
export interface UnknownOutcome {
	outcome: 'unknown';
}

export type SaleOutcome = SaleResult | UnknownOutcome;
export type StatusOutcome = StatusResult;
export type VoidOutcome = VoidResult | UnknownOutcome;

/**
 * A card payment terminal. `ref` is the payment attempt's idempotency key, made on the kiosk
 * before the first try.
 *
 * A sale is never retried automatically: after 'unknown', ask `status(ref)` (now or after a
 * restart) and act on what really happened. A second `sale` with the same ref is refused by the
 * driver, and a terminal that receives one anyway answers it with the first result.
 */
export interface CardTerminal {
	connect(): Promise<void>;
	sale(amountPaise: number, ref: string): Promise<SaleOutcome>;
	/** Throws `CardTerminalNotRespondingError` when the terminal does not answer. */
	status(ref: string): Promise<StatusOutcome>;
	void(ref: string): Promise<VoidOutcome>;
	close(): Promise<void>;
}

export class SaleAlreadyAttemptedError extends Error {
	override readonly name = 'SaleAlreadyAttemptedError';

	constructor(ref: string) {
		super(`A sale was already sent for ${ref}; ask status(ref) what became of it`);
	}
}

export class CardTerminalNotRespondingError extends Error {
	override readonly name = 'CardTerminalNotRespondingError';
}
