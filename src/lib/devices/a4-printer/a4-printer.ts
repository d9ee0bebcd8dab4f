/**
 * The A4 printer (Canon) is reached through Chrome's own printing: the page's print view goes to
 * the default printer. On the kiosk Chrome runs with --kiosk-printing, so no dialog appears.
 * `window.print()` returns once Chrome has taken the job; whether paper came out is known only
 * to the operator, which is why paid prints can be reprinted.
 */
export function printA4(target: Pick<Window, 'print'> = window): void {
	target.print();
}

/** How a print ended, as far as the kiosk can know. */
export type A4PrintOutcome =
	/** The job went to the printer; only the citizen can say whether the paper came out. */
	| { kind: 'sent' }
	/** The printer said it cannot print (the simulator; a real one answers nothing through Chrome). */
	| { kind: 'failed'; reason: 'printer_off' | 'out_of_paper' };

export interface A4Printer {
	/** Prints what the page's A4Page holds. */
	print(): Promise<A4PrintOutcome>;
}

/** The Canon behind Chrome's printing. */
export const chromeA4Printer: A4Printer = {
	async print() {
		// Let the page show the A4Page's newest content before Chrome takes the print view.
		await new Promise((resolve) => requestAnimationFrame(resolve));
		printA4();
		return { kind: 'sent' };
	}
};

export interface SimulatedA4PrinterSnapshot {
	power: 'on' | 'off';
	paper: 'loaded' | 'out';
	pagesPrinted: number;
}

/** The tester's A4 printer: switch it off or take its paper out to see a print fail after payment. */
export class SimulatedA4Printer implements A4Printer {
	#state: SimulatedA4PrinterSnapshot = { power: 'on', paper: 'loaded', pagesPrinted: 0 };
	readonly #listeners = new Set<(snapshot: SimulatedA4PrinterSnapshot) => void>();

	get snapshot(): SimulatedA4PrinterSnapshot {
		return { ...this.#state };
	}

	setPower(power: 'on' | 'off'): void {
		this.#change({ power });
	}

	setPaper(paper: 'loaded' | 'out'): void {
		this.#change({ paper });
	}

	async print(): Promise<A4PrintOutcome> {
		if (this.#state.power === 'off') return { kind: 'failed', reason: 'printer_off' };
		if (this.#state.paper === 'out') return { kind: 'failed', reason: 'out_of_paper' };
		this.#change({ pagesPrinted: this.#state.pagesPrinted + 1 });
		return { kind: 'sent' };
	}

	subscribe(listener: (snapshot: SimulatedA4PrinterSnapshot) => void): () => void {
		this.#listeners.add(listener);
		listener(this.snapshot);
		return () => this.#listeners.delete(listener);
	}

	#change(change: Partial<SimulatedA4PrinterSnapshot>): void {
		this.#state = { ...this.#state, ...change };
		for (const listener of this.#listeners) listener(this.snapshot);
	}
}
