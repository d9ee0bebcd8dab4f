import {
	CaptureTimeoutError,
	FingerprintDeviceError,
	FingerprintNotReadyError,
	PoorQualityError,
	RdServiceNotFoundError
} from './fingerprint-errors';
import {
	buildPidOptions,
	DEFAULT_RD_ERROR_CODES,
	judgePidResponse,
	parseDeviceInfo,
	parsePidResponse,
	parseRdServiceInfo,
	type FingerType,
	type RdDeviceInfo,
	type RdEnvironment,
	type RdErrorCodes,
	type RdServiceInfo
} from './rd-service';

export interface FingerprintScanner {
	/** Finds a ready RD Service; `capture` and `deviceInfo` do this themselves when needed. */
	discover(): Promise<DiscoveredRdService>;
	deviceInfo(): Promise<RdDeviceInfo>;
	/** Throws a `FingerprintError` saying why when there is no capture to send to the hub. */
	capture(): Promise<FingerprintCapture>;
}

export interface DiscoveredRdService {
	port: number;
	info: string;
	captureUrl: string;
	deviceInfoUrl: string;
}

export interface FingerprintCapture {
	/** The PidData XML exactly as the RD Service sent it, encrypted PID block included: the hub passes it to UIDAI. */
	pidData: string;
	errInfo: string;
	fCount: number;
	qScore: number | null;
	nmPoints: number | null;
	device: RdDeviceInfo | null;
}

export interface RdServiceScannerOptions {
	/** Injectable for tests; the browser's own fetch otherwise. */
	fetch?: typeof fetch;
	/** The ports to look on, in order of preference; 11100–11120 as the specification says. */
	ports?: readonly number[];
	/** How long a port may take to answer RDSERVICE. */
	probeTimeoutMs?: number;
	env?: RdEnvironment;
	fingerType?: FingerType;
	/** How long the citizen has to place a finger; sent to the service in PidOptions. */
	captureTimeoutMs?: number;
	/** Extra time for the service to answer after its own capture timeout, before the kiosk gives up. */
	captureGraceMs?: number;
	/** Captures the service scores below this (0–100) are refused as poor quality. */
	minimumQScore?: number;
	errorCodes?: RdErrorCodes;
}

export const RD_SERVICE_PORTS: readonly number[] = Array.from({ length: 21 }, (_, index) => 11100 + index);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The fingerprint scanner behind the Aadhaar RD Service on this machine. */
export class RdServiceFingerprintScanner implements FingerprintScanner {
	readonly #fetch: typeof fetch;
	readonly #ports: readonly number[];
	readonly #probeTimeoutMs: number;
	readonly #env: RdEnvironment;
	readonly #fingerType: FingerType;
	readonly #captureTimeoutMs: number;
	readonly #captureGraceMs: number;
	readonly #minimumQScore: number;
	readonly #errorCodes: RdErrorCodes;
	#service: DiscoveredRdService | null = null;

	constructor(options: RdServiceScannerOptions = {}) {
		this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
		this.#ports = options.ports ?? RD_SERVICE_PORTS;
		this.#probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
		this.#env = options.env ?? 'P';
		this.#fingerType = options.fingerType ?? 'FMR+FIR';
		this.#captureTimeoutMs = options.captureTimeoutMs ?? 10_000;
		this.#captureGraceMs = options.captureGraceMs ?? 5_000;
		this.#minimumQScore = options.minimumQScore ?? 40;
		this.#errorCodes = options.errorCodes ?? DEFAULT_RD_ERROR_CODES;
	}

	async discover(): Promise<DiscoveredRdService> {
		this.#service = null;
		const answers = (await Promise.all(this.#ports.map((port) => this.#probe(port)))).filter((answer) => answer !== null);
		const first = answers[0];
		if (!first) throw new RdServiceNotFoundError(this.#ports);
		const ready = answers.filter((answer) => answer.service.status === 'READY');
		if (ready.length === 0) {
			throw new FingerprintNotReadyError({ status: first.service.status, errInfo: first.service.info });
		}
		for (const { port, service } of ready) {
			const captureUrl = interfaceUrl(port, service, 'CAPTURE');
			const deviceInfoUrl = interfaceUrl(port, service, 'DEVICEINFO');
			if (captureUrl && deviceInfoUrl) {
				this.#service = { port, info: service.info, captureUrl, deviceInfoUrl };
				return this.#service;
			}
		}
		throw new FingerprintDeviceError(null, `The RD Service on port ${ready[0]?.port} offers no usable CAPTURE and DEVICEINFO paths`);
	}

	async deviceInfo(): Promise<RdDeviceInfo> {
		const service = this.#service ?? (await this.discover());
		const text = await this.#call(
			service.deviceInfoUrl,
			{ method: 'DEVICEINFO' },
			this.#probeTimeoutMs,
			() => new FingerprintDeviceError(null, 'The RD Service did not answer DEVICEINFO in time')
		);
		const device = parseDeviceInfo(text);
		if (!device) throw new FingerprintDeviceError(null, 'The RD Service sent no DeviceInfo');
		return device;
	}

	async capture(): Promise<FingerprintCapture> {
		const service = this.#service ?? (await this.discover());
		const pidOptions = buildPidOptions({
			fingerCount: 1,
			fingerType: this.#fingerType,
			timeoutMs: this.#captureTimeoutMs,
			env: this.#env
		});
		const pidData = await this.#call(
			service.captureUrl,
			{ method: 'CAPTURE', headers: { 'Content-Type': 'text/xml' }, body: pidOptions },
			this.#captureTimeoutMs + this.#captureGraceMs,
			() => new CaptureTimeoutError(null)
		);
		const response = parsePidResponse(pidData);
		if (!response) throw new FingerprintDeviceError(null, 'The RD Service sent no PidData');
		const { errCode, errInfo, qScore } = response;
		switch (judgePidResponse(response, this.#minimumQScore, this.#errorCodes).kind) {
			case 'timeout':
				throw new CaptureTimeoutError(errCode);
			case 'not-ready':
				throw new FingerprintNotReadyError({ errCode, errInfo });
			case 'poor-quality':
				throw new PoorQualityError({ qScore, errCode: errCode === '0' ? null : errCode, errInfo });
			case 'device-error':
				throw new FingerprintDeviceError(errCode, errInfo);
			case 'captured':
				return {
					pidData,
					errInfo,
					fCount: response.fCount,
					qScore,
					nmPoints: response.nmPoints,
					device: response.device
				};
		}
	}

	async #probe(port: number): Promise<{ port: number; service: RdServiceInfo } | null> {
		try {
			const response = await this.#fetch(`http://127.0.0.1:${port}/`, {
				method: 'RDSERVICE',
				signal: AbortSignal.timeout(this.#probeTimeoutMs)
			});
			const service = response.ok ? parseRdServiceInfo(await response.text()) : null;
			return service ? { port, service } : null;
		} catch {
			// Nothing listens there (the usual case for 20 of the 21 ports), or it is not an RD Service.
			return null;
		}
	}

	/** One request to the discovered service, its body as text; a service gone away is looked for again next time. */
	async #call(url: string, init: RequestInit, timeoutMs: number, timedOut: () => Error): Promise<string> {
		try {
			const response = await this.#fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
			const text = await response.text();
			if (!response.ok) throw new FingerprintDeviceError(null, `The RD Service answered HTTP ${response.status}`);
			return text;
		} catch (error) {
			if (error instanceof FingerprintDeviceError) throw error;
			if (error instanceof DOMException && error.name === 'TimeoutError') throw timedOut();
			this.#service = null;
			throw new RdServiceNotFoundError(this.#ports);
		}
	}
}

/**
 * The URL of an advertised interface. Paths are relative to the service ("/rd/capture"), though
 * some services advertise "/127.0.0.1:11102/capture" or a full URL. Only loopback is accepted:
 * PidOptions go nowhere but this machine.
 */
export function interfaceUrl(port: number, service: RdServiceInfo, id: string): string | null {
	const path = service.interfaces.find((candidate) => candidate.id === id)?.path;
	if (path === undefined) return null;
	const hostAndPort = /^\/?((?:127\.0\.0\.1|localhost):\d+)(\/.*)?$/.exec(path);
	let url: URL;
	try {
		url = hostAndPort ? new URL(`http://${hostAndPort[1]}${hostAndPort[2] ?? '/'}`) : new URL(path, `http://127.0.0.1:${port}/`);
	} catch {
		return null;
	}
	return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.href : null;
}
