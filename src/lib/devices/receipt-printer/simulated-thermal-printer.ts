import { decodeEscPos, type EscPosCommand } from './escpos-decoder';
import { PAPER_STATUS_REQUEST, paperStatusByte, type PaperState } from './paper-status';
import { buildPreview, splitAtCuts, type PreviewItem } from './receipt-preview';

/**
 * The mechanism of a simulated ESC/POS thermal printer, whatever cable it hangs on: it records
 * every byte, answers DLE EOT 4 from a paper state a tester sets, and keeps what it printed as a
 * preview. `SimulatedUsbPrinter` and `SimulatedSerialPrinter` put it behind a USB or a serial port.
 */
export abstract class SimulatedThermalPrinter {
	#paper: PaperState = 'ok';
	#answersStatus = true;
	/** Set when the next print transfer fails; holds the paper state the failure leaves behind. */
	#failNextWrite: PaperState | null = null;

	#received: Uint8Array[] = [];
	/** Bytes of a command that has not fully arrived yet. */
	#partial = new Uint8Array(0);
	#printed: EscPosCommand[] = [];
	#listeners = new Set<() => void>();

	get paper(): PaperState {
		return this.#paper;
	}

	/** Pull the paper ('out'), let the roll run low ('near-end'), or load a new one ('ok'). */
	setPaper(state: PaperState): void {
		this.#paper = state;
		this.#notify();
	}

	/** A printer that is on the cable but silent (firmware hung, switched to another mode). */
	setAnswersStatus(answers: boolean): void {
		this.#answersStatus = answers;
		this.#notify();
	}

	/**
	 * The next print transfer fails on the wire, as when the roll runs out and the printer stalls
	 * mid-receipt (`paperAfterFailure` 'out') or the cable is jolted (the paper stays as it is).
	 */
	failNextWrite(paperAfterFailure: PaperState = this.#paper): void {
		this.#failNextWrite = paperAfterFailure;
	}

	/** Every byte the printer received, status requests included. */
	receivedBytes(): Uint8Array {
		const all = new Uint8Array(this.#received.reduce((total, chunk) => total + chunk.length, 0));
		let offset = 0;
		for (const chunk of this.#received) {
			all.set(chunk, offset);
			offset += chunk.length;
		}
		return all;
	}

	/** Everything printed so far, as it would look on the paper. */
	preview(): PreviewItem[] {
		return buildPreview(this.#printed);
	}

	/** The printed receipts, each ending at its cut. */
	receipts(): PreviewItem[][] {
		return splitAtCuts(this.preview());
	}

	/** Tears off everything: forget the received bytes and the printed paper. */
	clear(): void {
		this.#received = [];
		this.#partial = new Uint8Array(0);
		this.#printed = [];
		this.#notify();
	}

	/** Calls `listener` whenever something is printed or the tester changes the printer. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Sends bytes back to the host over this printer's cable. */
	protected abstract sendToHost(bytes: Uint8Array<ArrayBuffer>): void;

	/** Bytes from the host; throws, as a failed transfer does, when a tester armed `failNextWrite`. */
	protected receiveFromHost(bytes: Uint8Array): void {
		if (this.#failNextWrite && !isStatusRequest(bytes)) {
			this.#paper = this.#failNextWrite;
			this.#failNextWrite = null;
			this.#notify();
			throw new Error('NetworkError: A transfer error has occurred.');
		}
		this.#received.push(bytes.slice());
		const pending = new Uint8Array(this.#partial.length + bytes.length);
		pending.set(this.#partial);
		pending.set(bytes, this.#partial.length);
		const { commands, consumed } = decodeEscPos(pending);
		this.#partial = pending.slice(consumed);
		for (const command of commands) {
			if (command.type === 'status-request') this.#answerStatus(command.kind);
			// Out of paper, the printer takes the data but nothing reaches a receipt.
			else if (this.#paper !== 'out') this.#printed.push(command);
		}
		this.#notify();
	}

	#answerStatus(kind: number): void {
		if (this.#answersStatus && kind === 4) this.sendToHost(Uint8Array.of(paperStatusByte(this.#paper)));
	}

	#notify(): void {
		for (const listener of this.#listeners) listener();
	}
}

function isStatusRequest(bytes: Uint8Array): boolean {
	return bytes.length === PAPER_STATUS_REQUEST.length && PAPER_STATUS_REQUEST.every((byte, i) => bytes[i] === byte);
}
