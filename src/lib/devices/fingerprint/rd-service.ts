import { elementsNamed, firstElementNamed } from './xml-attributes';

/**
 * The Aadhaar RD Service protocol (UIDAI "Aadhaar Registered Devices" technical specification
 * 2.0): a local HTTP service on 127.0.0.1, ports 11100–11120, with three custom HTTP methods.
 *
 *   RDSERVICE  /          → <RDService status="READY|NOTREADY|USED" info="…">
 *                             <Interface id="CAPTURE" path="…"/><Interface id="DEVICEINFO" path="…"/>
 *   DEVICEINFO <path>     → <DeviceInfo dpId rdsId rdsVer mi mc dc>…</DeviceInfo>
 *   CAPTURE    <path>     body <PidOptions> → <PidData><Resp errCode errInfo fCount fType … qScore/>
 *                             <DeviceInfo/><Skey/><Hmac/><Data type="X"/></PidData>
 *
 * errCode "0" is success; other codes are each vendor's own (see `RdErrorCodes`).
 */

export type RdServiceStatus = 'READY' | 'NOTREADY' | 'USED';

export interface RdServiceInterface {
	id: string;
	path: string;
}

export interface RdServiceInfo {
	status: RdServiceStatus;
	info: string;
	interfaces: RdServiceInterface[];
}

export interface RdDeviceInfo {
	/** Device provider, such as "MANTRA.MSIPL". */
	dpId: string;
	rdsId: string;
	rdsVer: string;
	/** Model, such as "MFS110". */
	mi: string;
	/** Device code: unique to this scanner. */
	dc: string;
	serialNumber: string | null;
}

/** Finger capture formats: minutiae (FMR), image (FIR), or both, which UIDAI now asks for. */
export type FingerType = 'FMR' | 'FIR' | 'FMR+FIR';

/** UIDAI environments: production, pre-production, staging. */
export type RdEnvironment = 'P' | 'PP' | 'S';

export interface PidOptionsInput {
	fingerCount: number;
	fingerType: FingerType;
	timeoutMs: number;
	env: RdEnvironment;
	/** Hash of the e-KYC consent ("wadh"), only for e-KYC requests. */
	wadh?: string;
}

const FINGER_TYPE_CODES: Record<FingerType, string> = { FMR: '0', FIR: '1', 'FMR+FIR': '2' };

export function buildPidOptions(input: PidOptionsInput): string {
	const attributes: [string, string][] = [
		['fCount', String(input.fingerCount)],
		['fType', FINGER_TYPE_CODES[input.fingerType]],
		['iCount', '0'],
		['pCount', '0'],
		// format 0: XML PID block, returned as <Data type="X">
		['format', '0'],
		['pidVer', '2.0'],
		['timeout', String(input.timeoutMs)],
		['posh', 'UNKNOWN'],
		['env', input.env]
	];
	if (input.wadh !== undefined) attributes.push(['wadh', input.wadh]);
	const opts = attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
	return `<PidOptions ver="1.0"><Opts ${opts}/></PidOptions>`;
}

/** The service's answer to RDSERVICE, or null when the text is not one. */
export function parseRdServiceInfo(xml: string): RdServiceInfo | null {
	const service = firstElementNamed(xml, 'RDService');
	const status = service?.status;
	if (!service || (status !== 'READY' && status !== 'NOTREADY' && status !== 'USED')) return null;
	const interfaces = elementsNamed(xml, 'Interface').flatMap(({ id, path }) =>
		id !== undefined && path !== undefined ? [{ id, path }] : []
	);
	return { status, info: service.info ?? '', interfaces };
}

export function parseDeviceInfo(xml: string): RdDeviceInfo | null {
	const device = firstElementNamed(xml, 'DeviceInfo');
	if (!device) return null;
	const serialNumber = elementsNamed(xml, 'Param').find((param) => param.name === 'srno')?.value ?? null;
	return {
		dpId: device.dpId ?? '',
		rdsId: device.rdsId ?? '',
		rdsVer: device.rdsVer ?? '',
		mi: device.mi ?? '',
		dc: device.dc ?? '',
		serialNumber
	};
}

export interface PidResponse {
	errCode: string;
	errInfo: string;
	fCount: number;
	/** Quality of the capture, 0–100, when the service reports it. */
	qScore: number | null;
	nmPoints: number | null;
	device: RdDeviceInfo | null;
}

export function parsePidResponse(xml: string): PidResponse | null {
	const resp = firstElementNamed(xml, 'Resp');
	if (!xml.includes('<PidData') || !resp?.errCode) return null;
	return {
		errCode: resp.errCode.trim(),
		errInfo: resp.errInfo ?? '',
		fCount: Number(resp.fCount ?? '0') || 0,
		qScore: optionalNumber(resp.qScore),
		nmPoints: optionalNumber(resp.nmPoints),
		device: parseDeviceInfo(xml)
	};
}

/**
 * What some vendors' codes mean. Only "0" is fixed by UIDAI; these defaults follow the codes
 * common in vendor integration guides and used by scripts/rd-service-simulator.js. Set them per
 * vendor: an unlisted code is reported as a device error with the service's errInfo.
 */
export interface RdErrorCodes {
	timeout: readonly string[];
	notReady: readonly string[];
	poorQuality: readonly string[];
}

export const DEFAULT_RD_ERROR_CODES: RdErrorCodes = {
	timeout: ['700'],
	notReady: ['710', '720'],
	poorQuality: ['730']
};

export type PidVerdict =
	{ kind: 'captured' } | { kind: 'timeout' } | { kind: 'not-ready' } | { kind: 'poor-quality' } | { kind: 'device-error' };

/** Whether a capture can go to the hub, and if not, why not. */
export function judgePidResponse(response: PidResponse, minimumQScore: number, codes: RdErrorCodes = DEFAULT_RD_ERROR_CODES): PidVerdict {
	const { errCode } = response;
	if (errCode !== '0') {
		if (codes.timeout.includes(errCode)) return { kind: 'timeout' };
		if (codes.notReady.includes(errCode)) return { kind: 'not-ready' };
		if (codes.poorQuality.includes(errCode)) return { kind: 'poor-quality' };
		return { kind: 'device-error' };
	}
	if (response.fCount < 1) return { kind: 'device-error' };
	// A service that reports no score leaves the judgement to UIDAI's matcher.
	if (response.qScore !== null && response.qScore < minimumQScore) return { kind: 'poor-quality' };
	return { kind: 'captured' };
}

function optionalNumber(value: string | undefined): number | null {
	if (value === undefined || value.trim() === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
