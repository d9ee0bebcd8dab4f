/**
 * What the hub needs from a biller's system (a department or a telecom operator). The reference
 * adapter answers from the hub's own database; a real department API replaces it per biller.
 */

/** A bill as the biller states it. Dates are `YYYY-MM-DD`. */
export interface BillerBill {
	billNumber: string;
	consumerName: string;
	billDate: string;
	dueDate: string;
	amountPaise: number;
}

export type BillLookup =
	/** The oldest bill still to pay. */
	| { kind: 'due'; bill: BillerBill }
	/** Every bill is paid; the latest one. */
	| { kind: 'paid'; bill: BillerBill }
	| { kind: 'unknown_consumer' };

export interface PostingRequest {
	/** Our transaction ID: posting twice with one reference pays once. */
	reference: string;
	billNumber: string;
	amountPaise: number;
}

export type PostingResult =
	| { status: 'posted'; billerReference: string }
	/** The biller answered and refused: nothing was paid. */
	| { status: 'rejected'; reason: string };

export interface BillerAdapter {
	/** Throws `BillerUnavailableError` when the biller's system does not answer. */
	fetchBill(identifier: string): Promise<BillLookup>;
	/**
	 * Pays a bill, idempotently by reference. Throws when the outcome is unknown (no answer):
	 * the caller may post again with the same reference, or reverse it.
	 */
	postPayment(request: PostingRequest): Promise<PostingResult>;
	/** Undoes a posting by reference if there is one (idempotent); says whether one was undone. */
	reverse(reference: string): Promise<{ reversed: boolean }>;
}

/** Which adapter serves a biller. */
export type BillerDirectory = (billerId: string) => BillerAdapter;

export class BillerUnavailableError extends Error {
	override readonly name = 'BillerUnavailableError';
}
