import type { PaymentMode, PaymentStatus } from '$lib/contract';

/**
 * The life of a payment, in one place:
 *
 *   created → awaiting_payment → paid → posted
 *      ↘            ↘               ↘
 *       cancelled ←──┘              reversed   (card and Aadhaar only)
 *           ↘
 *            reversed   (a card approval that arrives after the payment was cancelled)
 *
 * created: the amounts are fixed; awaiting_payment: the wallet hold and the credit are secured
 * and the citizen may pay; paid: the money is in; posted: the biller has it. Cash is never
 * reversed by a machine: a cash payment the biller refuses stays paid and is posted again.
 */
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
	created: ['awaiting_payment', 'cancelled'],
	awaiting_payment: ['paid', 'cancelled'],
	paid: ['posted', 'reversed'],
	posted: [],
	cancelled: ['reversed'],
	reversed: []
};

export function canTransition(mode: PaymentMode, from: PaymentStatus, to: PaymentStatus): boolean {
	if (to === 'reversed' && mode === 'cash') return false;
	return NEXT[from].includes(to);
}

export class IllegalTransitionError extends Error {
	override readonly name = 'IllegalTransitionError';
}

export function assertTransition(mode: PaymentMode, from: PaymentStatus, to: PaymentStatus): void {
	if (!canTransition(mode, from, to)) {
		throw new IllegalTransitionError(`A ${mode} payment cannot go from ${from} to ${to}`);
	}
}

/** Still waiting for the citizen's money (the midnight job's concern). */
export const OPEN_STATUSES = ['created', 'awaiting_payment'] as const satisfies readonly PaymentStatus[];
