/** A byte pipe to a receipt printer: the printer driver speaks ESC/POS over any of these. */
export interface PrinterTransport {
	open(): Promise<void>;
	write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
	/** The next bytes from the printer, or null when none arrive within `timeoutMs`. */
	read(timeoutMs: number): Promise<Uint8Array | null>;
	close(): Promise<void>;
}

/** Resolves with the promise's value, or with null once `timeoutMs` has passed. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | null> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<null>((resolve) => {
		timer = setTimeout(() => resolve(null), timeoutMs);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
