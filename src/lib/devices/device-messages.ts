import type { MessageId, MessageValues } from '$lib/i18n/translate';
import { CardTerminalNotRespondingError } from './card-terminal/card-terminal';
import { FingerprintError, type FingerprintFailure } from './fingerprint/fingerprint-errors';
import type { NoteAcceptor } from './note-acceptor';
import { ReceiptPrinterError, type ReceiptPrinterFailure } from './receipt-printer/receipt-printer';
import { DeviceNotConnectedError } from './registry';

/** A device problem in words for the operator, in either language. */
export interface DeviceMessage {
	id: MessageId;
	values?: MessageValues;
}

const PRINTER_FAILURES: Record<ReceiptPrinterFailure, MessageId> = {
	'paper-out': 'device.fault.paperOut',
	'not-responding': 'device.fault.printerSilent',
	'print-failed': 'device.fault.printFailed'
};

const FINGERPRINT_FAILURES: Record<Exclude<FingerprintFailure, 'device-error'>, MessageId> = {
	'not-found': 'device.fault.rdNotFound',
	'not-ready': 'device.fault.rdNotReady',
	'capture-timeout': 'device.fault.captureTimeout',
	'poor-quality': 'device.fault.poorQuality'
};

/** What went wrong when a device call threw, as a message rather than a stack trace. */
export function describeDeviceError(error: unknown): DeviceMessage {
	if (error instanceof DeviceNotConnectedError) {
		return { id: error.reason === 'no-api' ? 'device.fault.noBrowserSupport' : 'device.fault.notConnected' };
	}
	if (error instanceof ReceiptPrinterError) return { id: PRINTER_FAILURES[error.failure] };
	if (error instanceof FingerprintError) {
		return error.reason === 'device-error'
			? { id: 'device.fault.fingerprintDevice', values: { detail: error.message } }
			: { id: FINGERPRINT_FAILURES[error.reason] };
	}
	if (error instanceof CardTerminalNotRespondingError) return { id: 'device.fault.terminalSilent' };
	return { id: 'device.fault.unexpected', values: { detail: error instanceof Error ? error.message : String(error) } };
}

/**
 * Reports each note-acceptor fault with what the operator should do; returns the unsubscribe.
 * The cash payment and the diagnostics page both listen through here.
 */
export function onAcceptorProblem(acceptor: NoteAcceptor, report: (message: DeviceMessage) => void): () => void {
	const stops = [
		acceptor.on('jam', ({ where }) => report({ id: 'device.fault.jam', values: { where } })),
		acceptor.on('cashBoxFull', () => report({ id: 'device.fault.cashBoxFull' })),
		acceptor.on('cashBoxRemoved', () => report({ id: 'device.fault.cashBoxRemoved' })),
		acceptor.on('fraud', () => report({ id: 'device.fault.fraud' })),
		acceptor.on('rejected', ({ reason }) => report({ id: 'device.fault.rejected', values: { reason } })),
		acceptor.on('noteAtPowerUp', () => report({ id: 'device.fault.noteAtPowerUp' })),
		acceptor.on('fault', ({ detail }) => report({ id: 'device.fault.noAnswer', values: { detail } }))
	];
	return () => stops.forEach((stop) => stop());
}
