import type { DeviceRegistry } from '$lib/devices/registry';
import type { NoteAcceptorState } from '$lib/devices/note-acceptor/types';
import { callHub } from './hub';
import { readKioskIdentity } from './identity';
import { KIOSK_API_PATHS, type DeviceStates, type HeartbeatRequest, type QueuedPaymentsSummary } from '$lib/contract';

/** The programme office counts a machine offline after an hour without one; a minute is plenty. */
export const HEARTBEAT_INTERVAL_MS = 60_000;
/** The first report waits until the app has started and the first screen is up. */
export const FIRST_HEARTBEAT_DELAY_MS = 10_000;
/** A device that does not answer its status within this is reported as it was last seen, or unknown. */
const DEVICE_STATUS_TIMEOUT_MS = 3_000;

/** Where the heartbeat's queued-payment figures come from: the offline outbox. */
export type QueuedPaymentsProvider = () => Promise<QueuedPaymentsSummary>;

const LAST_TRANSACTION_KEY = 'emitra.lastTransactionAt';

/** Called when the hub accepted a new transaction from this machine (the heartbeat reports it). */
export function noteTransactionStarted(at: Date): void {
	globalThis.localStorage?.setItem(LAST_TRANSACTION_KEY, at.toISOString());
}

function lastTransactionAt(storage: Pick<Storage, 'getItem'>): string | null {
	const value = storage.getItem(LAST_TRANSACTION_KEY);
	return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
	return Promise.race([
		promise.catch(() => fallback),
		new Promise<T>((resolve) => setTimeout(() => resolve(fallback), DEVICE_STATUS_TIMEOUT_MS))
	]);
}

const ACCEPTOR_REPORT: Record<NoteAcceptorState, DeviceStates['noteAcceptor']> = {
	closed: 'not-open',
	connected: 'ready',
	initialising: 'busy',
	disabled: 'ready',
	idle: 'ready',
	accepting: 'busy',
	escrow: 'busy',
	stacking: 'busy',
	returning: 'busy',
	rejecting: 'busy',
	jammed: 'jammed',
	cashBoxFull: 'cash-box-full',
	cashBoxRemoved: 'cash-box-removed',
	fault: 'fault'
};

/** What the devices say, asking only those the app has already opened (the RD Service is a local web service). */
export async function collectDeviceStates(devices: DeviceRegistry): Promise<DeviceStates> {
	const opened = devices.opened();
	const acceptor =
		opened.noteAcceptor &&
		(await within(
			opened.noteAcceptor.then((device) => device.state),
			'fault' as const
		));
	const paper =
		opened.receiptPrinter &&
		(await within(
			opened.receiptPrinter.then((printer) => printer.paperStatus()),
			'no-answer' as const
		));
	const terminal =
		opened.cardTerminal &&
		(await within(
			opened.cardTerminal.then(() => 'connected' as const),
			'not-open' as const
		));
	const rdService = await within(
		devices
			.fingerprintScanner()
			.discover()
			.then(() => 'ready' as const),
		'not-found' as const
	);
	return {
		noteAcceptor: acceptor ? ACCEPTOR_REPORT[acceptor] : 'not-open',
		printerPaper: paper === undefined || paper === 'no-answer' ? 'unknown' : paper,
		rdService,
		cardTerminal: terminal ?? 'not-open'
	};
}

let running: (() => void) | undefined;

/**
 * Reports this machine to the hub shortly after start and then every minute: its version (callHub's header), its
 * devices, its queued payments and its last transaction. Once per page; a machine not enrolled
 * sends nothing. Returns the function that stops it.
 */
export function startKioskHeartbeat(options: {
	devices: () => DeviceRegistry;
	queuedPayments: QueuedPaymentsProvider;
	intervalMs?: number;
}): () => void {
	if (running) return running;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;
	const beat = async () => {
		if (await readKioskIdentity()) {
			const report: HeartbeatRequest = {
				devices: await collectDeviceStates(options.devices()),
				queuedPayments: await options.queuedPayments(),
				lastTransactionAt: lastTransactionAt(localStorage)
			};
			await callHub(fetch, KIOSK_API_PATHS.heartbeat, { body: report });
		}
		if (!stopped) timer = setTimeout(beat, options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
	};
	timer = setTimeout(beat, FIRST_HEARTBEAT_DELAY_MS);
	running = () => {
		stopped = true;
		clearTimeout(timer);
		running = undefined;
	};
	return running;
}
