import { untrack } from 'svelte';

/**
 * How many payments are taking money on this page. While one is, the inactivity countdown never
 * interrupts (a citizen feeding notes or typing a PIN on the card machine is not touching the
 * screen), and Home and Back are withheld so a half-paid payment cannot be walked away from.
 */
const payments = $state({ inProgress: 0 });

/**
 * Marks a payment as running; the returned function marks it done. Untracked, so an effect that
 * holds a payment does not also depend on the count and start again when it changes.
 */
export function holdForPayment(): () => void {
	untrack(() => payments.inProgress++);
	let released = false;
	return () => {
		if (!released) untrack(() => payments.inProgress--);
		released = true;
	};
}

export const paymentInProgress = () => payments.inProgress > 0;
