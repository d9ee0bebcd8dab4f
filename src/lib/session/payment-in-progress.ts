/**
 * How many payments are taking money on this page. The inactivity countdown never interrupts one:
 * a citizen feeding notes or typing a PIN on the card machine is not touching the screen.
 */
let inProgress = 0;

/** Marks a payment as running; the returned function marks it done. */
export function holdForPayment(): () => void {
	inProgress++;
	let released = false;
	return () => {
		if (!released) inProgress--;
		released = true;
	};
}

export const paymentInProgress = () => inProgress > 0;
