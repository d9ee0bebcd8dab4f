import type { RdServiceStatus } from './rd-service';

/** Why a fingerprint could not be captured; each reason needs a different message to the citizen or operator. */
export type FingerprintFailure = 'not-found' | 'not-ready' | 'capture-timeout' | 'poor-quality' | 'device-error';

export abstract class FingerprintError extends Error {
	abstract readonly reason: FingerprintFailure;
}

/** No RD Service answered on any port: it is not installed, not running, or blocked. */
export class RdServiceNotFoundError extends FingerprintError {
	override readonly name = 'RdServiceNotFoundError';
	readonly reason = 'not-found';
	readonly ports: readonly number[];

	constructor(ports: readonly number[]) {
		super(`No Aadhaar RD Service answered on 127.0.0.1 ports ${describePorts(ports)}`);
		this.ports = ports;
	}
}

/** The service answered but cannot capture: scanner unplugged, in use by another program, or not registered. */
export class FingerprintNotReadyError extends FingerprintError {
	override readonly name = 'FingerprintNotReadyError';
	readonly reason = 'not-ready';
	readonly status: RdServiceStatus | null;
	readonly errCode: string | null;
	readonly errInfo: string;

	constructor(details: { status?: RdServiceStatus; errCode?: string; errInfo: string }) {
		super(`The fingerprint scanner is not ready: ${details.errInfo || details.status}`);
		this.status = details.status ?? null;
		this.errCode = details.errCode ?? null;
		this.errInfo = details.errInfo;
	}
}

/** No finger was placed in time. */
export class CaptureTimeoutError extends FingerprintError {
	override readonly name = 'CaptureTimeoutError';
	readonly reason = 'capture-timeout';
	readonly errCode: string | null;

	constructor(errCode: string | null) {
		super('No finger was placed on the scanner in time');
		this.errCode = errCode;
	}
}

/** The print is too poor to send to UIDAI; the citizen should clean the finger and try again. */
export class PoorQualityError extends FingerprintError {
	override readonly name = 'PoorQualityError';
	readonly reason = 'poor-quality';
	readonly qScore: number | null;
	readonly errCode: string | null;
	readonly errInfo: string;

	constructor(details: { qScore: number | null; errCode: string | null; errInfo: string }) {
		super(`The fingerprint quality is too low (${details.qScore ?? details.errInfo})`);
		this.qScore = details.qScore;
		this.errCode = details.errCode;
		this.errInfo = details.errInfo;
	}
}

/** The service or scanner failed; `errInfo` is the service's own words, for the operator. */
export class FingerprintDeviceError extends FingerprintError {
	override readonly name = 'FingerprintDeviceError';
	readonly reason = 'device-error';
	readonly errCode: string | null;
	readonly errInfo: string;

	constructor(errCode: string | null, errInfo: string) {
		super(`The fingerprint device failed${errCode ? ` (errCode ${errCode})` : ''}: ${errInfo}`);
		this.errCode = errCode;
		this.errInfo = errInfo;
	}
}

/** "11100–11120" for a run of ports, else the list. */
function describePorts(ports: readonly number[]): string {
	const first = ports[0] ?? 0;
	const contiguous = ports.length > 1 && ports.every((port, index) => port === first + index);
	return contiguous ? `${first}–${ports.at(-1)}` : ports.join(', ');
}
