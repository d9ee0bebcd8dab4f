import { describe, expect, it } from 'vitest';
import { PAYMENT_MODES, PAYMENT_STATUSES, type PaymentStatus } from '$lib/contract';
import { assertTransition, canTransition, IllegalTransitionError } from './state-machine';

const ALLOWED: readonly (readonly [PaymentStatus, PaymentStatus])[] = [
	['created', 'awaiting_payment'],
	['created', 'cancelled'],
	['awaiting_payment', 'paid'],
	['awaiting_payment', 'cancelled'],
	['paid', 'posted'],
	['paid', 'reversed'],
	['cancelled', 'reversed']
];

describe('the payment state machine', () => {
	const everyMove = PAYMENT_MODES.flatMap((mode) =>
		PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [mode, from, to] as const))
	);

	it.each(everyMove)('%s: %s → %s is allowed only where the diagram says', (mode, from, to) => {
		const allowed = ALLOWED.some(([a, b]) => a === from && b === to) && !(mode === 'cash' && to === 'reversed');
		expect(canTransition(mode, from, to)).toBe(allowed);
		if (allowed) expect(() => assertTransition(mode, from, to)).not.toThrow();
		else expect(() => assertTransition(mode, from, to)).toThrow(IllegalTransitionError);
	});

	it('never reverses cash: the money is in the machine, not on a card', () => {
		expect(() => assertTransition('cash', 'paid', 'reversed')).toThrow(/cash payment cannot go from paid to reversed/);
	});
});
