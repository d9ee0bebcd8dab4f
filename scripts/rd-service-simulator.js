/**
 * A simulated Aadhaar RD Service (UIDAI "Registered Device" service) for a kiosk without a
 * fingerprint scanner: a local HTTP server on 127.0.0.1 that answers like the vendor services
 * do, so the kiosk's real driver (src/lib/devices/fingerprint) runs unchanged.
 *
 *   RDSERVICE  any path      → <RDService status="READY|NOTREADY|USED" info="…"> with its interfaces
 *   DEVICEINFO /rd/info      → <DeviceInfo dpId rdsId rdsVer mi mc dc> with additional_info
 *   CAPTURE    /rd/capture   → <PidData> for the <PidOptions> in the body: Resp, DeviceInfo,
 *                              Skey, Hmac and Data type="X" — well-formed, but random bytes
 *                              where a real device puts encrypted biometrics
 *
 * Every answer carries CORS headers, and OPTIONS preflights are answered, as real services do:
 * a page may only send the custom methods after the browser has asked.
 *
 * Tester and Playwright control (JSON, also CORS-enabled):
 *   POST /simulator/next-capture   {"outcome":"pass|poor-quality|timeout|not-ready|device-error"}
 *                                   how the next CAPTURE ends; later ones pass again
 *   POST /simulator/service-status {"status":"READY|NOTREADY|USED"}  what RDSERVICE reports
 *   GET  /simulator/state          {"port","serviceStatus","nextCapture","captures"}
 *
 * Run: node scripts/rd-service-simulator.js [--port 11100] [--origin https://kiosk.example]
 * Without --port it takes the first free port in 11100–11120, where the kiosk looks.
 *
 * Node's own HTTP server rejects methods it does not know (RDSERVICE is not among them), so
 * this speaks the small part of HTTP/1.1 it needs over a plain TCP socket, one request per
 * connection.
 *
 * Error codes: the UIDAI specification fixes only errCode "0" (success); other codes are the
 * vendor's. This simulator uses 700 capture timed out, 710 device in use, 720 device not ready,
 * 740 device fault — the defaults the kiosk driver maps (see rd-service.ts).
 */

import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

export const RD_SERVICE_FIRST_PORT = 11100;
export const RD_SERVICE_LAST_PORT = 11120;
export const CAPTURE_PATH = '/rd/capture';
export const DEVICE_INFO_PATH = '/rd/info';

/** @typedef {'pass' | 'poor-quality' | 'timeout' | 'not-ready' | 'device-error'} CaptureOutcome */
/** @typedef {'READY' | 'NOTREADY' | 'USED'} ServiceStatus */

/**
 * @typedef {object} RdServiceSimulatorOptions
 * @property {number} [port] Listen on exactly this port (0: any free port, for tests).
 * @property {[number, number]} [portRange] Otherwise take the first free port in this range.
 * @property {string} [allowOrigin] The Access-Control-Allow-Origin sent; '*' unless told.
 * @property {number} [captureDelayMs] How long a citizen takes to place a finger; 300 unless told.
 */

/**
 * @typedef {object} RdServiceSimulator
 * @property {number} port
 * @property {string} url
 * @property {(outcome: CaptureOutcome) => void} setNextCapture
 * @property {(status: ServiceStatus) => void} setServiceStatus
 * @property {() => SimulatorState} state
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} SimulatorState
 * @property {number} port
 * @property {ServiceStatus} serviceStatus
 * @property {CaptureOutcome} nextCapture
 * @property {number} captures
 */

/**
 * @typedef {object} HttpRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} headers Lower-case names.
 * @property {string} body
 */

/**
 * @typedef {object} HttpResponse
 * @property {number} status
 * @property {string} [contentType]
 * @property {string} [body]
 */

/** @type {readonly CaptureOutcome[]} */
const CAPTURE_OUTCOMES = ['pass', 'poor-quality', 'timeout', 'not-ready', 'device-error'];
/** @type {readonly ServiceStatus[]} */
const SERVICE_STATUSES = ['READY', 'NOTREADY', 'USED'];

const MAX_HEAD_BYTES = 16 * 1024;
const MAX_BODY_BYTES = 64 * 1024;
/** A real scanner gives up after the PidOptions timeout; this bounds what a request can ask for. */
const MAX_CAPTURE_TIMEOUT_MS = 60_000;

const REASONS = /** @type {Record<number, string>} */ ({
	200: 'OK',
	204: 'No Content',
	400: 'Bad Request',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Payload Too Large'
});

const DEVICE = {
	dpId: 'EMITRA.SIM',
	rdsId: 'EMITRA.SIM.001',
	rdsVer: '1.0.0',
	mi: 'SIMFP-1',
	serialNumber: 'SIM0000001'
};

/**
 * @param {RdServiceSimulatorOptions} [options]
 * @returns {Promise<RdServiceSimulator>}
 */
export async function startRdServiceSimulator(options = {}) {
	const allowOrigin = options.allowOrigin ?? '*';
	const captureDelayMs = options.captureDelayMs ?? 300;
	/** The device code stays the same for the life of the service, as a real device's does. */
	const deviceCode = randomUUID();
	/** A stand-in for the device certificate a real service puts in mc. */
	const deviceCertificate = randomBytes(180).toString('base64');
	/** @type {ServiceStatus} */
	let serviceStatus = 'READY';
	/** @type {CaptureOutcome} */
	let nextCapture = 'pass';
	let captures = 0;
	let capturing = false;
	let port = 0;

	const deviceInfoXml = () =>
		`<DeviceInfo dpId="${DEVICE.dpId}" rdsId="${DEVICE.rdsId}" rdsVer="${DEVICE.rdsVer}" mi="${DEVICE.mi}" ` +
		`mc="${deviceCertificate}" dc="${deviceCode}"><additional_info>` +
		`<Param name="srno" value="${DEVICE.serialNumber}"/>` +
		`<Param name="ts" value="${new Date().toISOString()}"/>` +
		`</additional_info></DeviceInfo>`;

	/** @returns {SimulatorState} */
	const state = () => ({ port, serviceStatus, nextCapture, captures });

	/**
	 * @param {HttpRequest} request
	 * @param {AbortSignal} gone Aborts when the client hangs up.
	 * @returns {Promise<HttpResponse>}
	 */
	async function handle(request, gone) {
		if (request.method === 'OPTIONS') return { status: 204 };
		if (request.path.startsWith('/simulator/')) return control(request);
		switch (request.method) {
			case 'RDSERVICE':
				return xml(
					`<?xml version="1.0"?>\n<RDService status="${serviceStatus}" info="e-Mitra+ simulated RD Service">\n` +
						`<Interface id="CAPTURE" path="${CAPTURE_PATH}" />\n` +
						`<Interface id="DEVICEINFO" path="${DEVICE_INFO_PATH}" />\n</RDService>`
				);
			case 'DEVICEINFO':
				return request.path === DEVICE_INFO_PATH ? xml(`<?xml version="1.0"?>\n${deviceInfoXml()}`) : notFound();
			case 'CAPTURE':
				return request.path === CAPTURE_PATH ? capture(request.body, gone) : notFound();
			default:
				return { status: 405, contentType: 'text/plain', body: 'RDSERVICE, DEVICEINFO or CAPTURE' };
		}
	}

	/**
	 * @param {string} pidOptions
	 * @param {AbortSignal} gone
	 * @returns {Promise<HttpResponse>}
	 */
	async function capture(pidOptions, gone) {
		const opts = attributesOf(pidOptions, 'Opts');
		if (!/<PidOptions[\s>]/.test(pidOptions) || !opts) return pidError('999', 'Invalid PidOptions', '0');
		const fType = opts.fType ?? '0';
		if (capturing) return pidError('710', 'Device is being used by another application', fType);
		if (serviceStatus !== 'READY') return pidError('720', 'Device not ready', fType);
		const outcome = nextCapture;
		nextCapture = 'pass';
		captures += 1;
		const timeoutMs = Math.min(Number(opts.timeout ?? '10000') || 10000, MAX_CAPTURE_TIMEOUT_MS);
		capturing = true;
		try {
			// Nobody puts a finger on the scanner: the service waits out the timeout the kiosk asked for.
			await sleep(outcome === 'timeout' ? timeoutMs : captureDelayMs, gone);
		} finally {
			capturing = false;
		}
		switch (outcome) {
			case 'timeout':
				return pidError('700', 'Capture timed out', fType);
			case 'not-ready':
				return pidError('720', 'Device not ready', fType);
			case 'device-error':
				return pidError('740', 'Device needs to be re-initialized', fType);
			case 'poor-quality':
				return pidData(opts.fCount ?? '1', fType, 9, 28);
			case 'pass':
				return pidData(opts.fCount ?? '1', fType, 38, 82);
		}
	}

	/**
	 * @param {string} fCount
	 * @param {string} fType
	 * @param {number} nmPoints
	 * @param {number} qScore
	 * @returns {HttpResponse}
	 */
	function pidData(fCount, fType, nmPoints, qScore) {
		const skeyExpiry = `${new Date().getFullYear() + 5}1231`;
		return xml(
			`<?xml version="1.0"?>\n<PidData>\n` +
				`<Resp errCode="0" errInfo="Capture Success" fCount="${fCount}" fType="${fType}" iCount="0" iType="0" ` +
				`pCount="0" pType="0" nmPoints="${nmPoints}" qScore="${qScore}"/>\n` +
				`${deviceInfoXml()}\n` +
				`<Skey ci="${skeyExpiry}">${randomBytes(256).toString('base64')}</Skey>\n` +
				`<Hmac>${randomBytes(48).toString('base64')}</Hmac>\n` +
				`<Data type="X">${randomBytes(640).toString('base64')}</Data>\n</PidData>`
		);
	}

	/**
	 * @param {HttpRequest} request
	 * @returns {HttpResponse}
	 */
	function control(request) {
		if (request.method === 'GET' && request.path === '/simulator/state') return json(state());
		if (request.method !== 'POST') return notFound();
		const body = parseJson(request.body);
		if (request.path === '/simulator/next-capture') {
			const outcome = CAPTURE_OUTCOMES.find((known) => known === body?.outcome);
			if (!outcome) return badRequest(`outcome must be one of ${CAPTURE_OUTCOMES.join(', ')}`);
			nextCapture = outcome;
			return json(state());
		}
		if (request.path === '/simulator/service-status') {
			const status = SERVICE_STATUSES.find((known) => known === body?.status);
			if (!status) return badRequest(`status must be one of ${SERVICE_STATUSES.join(', ')}`);
			serviceStatus = status;
			return json(state());
		}
		return notFound();
	}

	/** @param {HttpResponse} response */
	const headersFor = (response) => {
		const body = Buffer.from(response.body ?? '', 'utf8');
		const lines = [
			`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Unknown'}`,
			`Access-Control-Allow-Origin: ${allowOrigin}`,
			'Access-Control-Allow-Methods: RDSERVICE, DEVICEINFO, CAPTURE, GET, POST, OPTIONS',
			'Access-Control-Allow-Headers: Content-Type',
			// Chrome asks before a page from the network may reach a loopback service.
			'Access-Control-Allow-Private-Network: true',
			'Access-Control-Max-Age: 600',
			`Content-Length: ${body.length}`,
			'Connection: close'
		];
		if (response.contentType) lines.push(`Content-Type: ${response.contentType}`);
		return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
	};

	/** @type {Set<net.Socket>} */
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		const gone = new AbortController();
		socket.on('close', () => gone.abort());
		socket.on('error', () => gone.abort());
		/** @type {Buffer} */
		let received = Buffer.alloc(0);
		let answered = false;
		socket.on('data', (chunk) => {
			if (answered) return;
			received = Buffer.concat([received, chunk]);
			const parsed = parseRequest(received);
			if (parsed === 'incomplete') return;
			answered = true;
			const respond = (/** @type {HttpResponse} */ response) => {
				if (!socket.destroyed) socket.end(headersFor(response));
			};
			if (parsed === 'too-large') return respond({ status: 413 });
			if (parsed === 'malformed') return respond(badRequest('Malformed HTTP request'));
			handle(parsed, gone.signal).then(respond, () => socket.destroy());
		});
	});

	port = await listenOnFirstFreePort(server, options);
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		setNextCapture: (outcome) => {
			nextCapture = outcome;
		},
		setServiceStatus: (status) => {
			serviceStatus = status;
		},
		state,
		close: () =>
			new Promise((resolve, reject) => {
				if (!server.listening) return resolve();
				server.close((error) => (error ? reject(error) : resolve()));
				// A capture waiting for a finger would otherwise hold the server open.
				for (const socket of sockets) socket.destroy();
			})
	};
}

/**
 * @param {net.Server} server
 * @param {RdServiceSimulatorOptions} options
 * @returns {Promise<number>}
 */
async function listenOnFirstFreePort(server, options) {
	const [first, last] =
		options.port !== undefined ? [options.port, options.port] : (options.portRange ?? [RD_SERVICE_FIRST_PORT, RD_SERVICE_LAST_PORT]);
	for (let candidate = first; candidate <= last; candidate++) {
		const bound = await new Promise((resolve, reject) => {
			/** @param {NodeJS.ErrnoException} error */
			const onError = (error) => {
				server.off('listening', onListening);
				if (error.code === 'EADDRINUSE') resolve(null);
				else reject(error);
			};
			const onListening = () => {
				server.off('error', onError);
				const address = server.address();
				resolve(typeof address === 'object' && address ? address.port : candidate);
			};
			server.once('error', onError);
			server.once('listening', onListening);
			server.listen(candidate, '127.0.0.1');
		});
		if (typeof bound === 'number') return bound;
	}
	throw new Error(`No free port for the RD Service simulator in ${first}–${last}`);
}

/**
 * The head and body of one HTTP/1.1 request, once all of it has arrived.
 * @param {Buffer} bytes
 * @returns {HttpRequest | 'incomplete' | 'too-large' | 'malformed'}
 */
function parseRequest(bytes) {
	const headEnd = bytes.indexOf('\r\n\r\n');
	if (headEnd === -1) return bytes.length > MAX_HEAD_BYTES ? 'too-large' : 'incomplete';
	const [requestLine = '', ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
	const match = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
	if (!match) return 'malformed';
	/** @type {Record<string, string>} */
	const headers = {};
	for (const line of headerLines) {
		const colon = line.indexOf(':');
		if (colon <= 0) return 'malformed';
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	if (headers['transfer-encoding']) return 'malformed';
	const length = Number(headers['content-length'] ?? '0');
	if (!Number.isSafeInteger(length) || length < 0) return 'malformed';
	if (length > MAX_BODY_BYTES) return 'too-large';
	const bodyStart = headEnd + 4;
	if (bytes.length < bodyStart + length) return 'incomplete';
	const path = new URL(match[2] ?? '/', 'http://127.0.0.1').pathname;
	return {
		method: match[1] ?? '',
		path,
		headers,
		body: bytes.subarray(bodyStart, bodyStart + length).toString('utf8')
	};
}

/**
 * The attributes of the first `<name …>` element, or null when there is none.
 * @param {string} xmlText
 * @param {string} name
 * @returns {Record<string, string> | null}
 */
function attributesOf(xmlText, name) {
	const element = new RegExp(`<${name}((?:\\s+[\\w:.-]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*/?>`).exec(xmlText);
	if (!element) return null;
	/** @type {Record<string, string>} */
	const attributes = {};
	const attribute = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
	for (const [, key = '', doubleQuoted, singleQuoted] of (element[1] ?? '').matchAll(attribute)) {
		attributes[key] = doubleQuoted ?? singleQuoted ?? '';
	}
	return attributes;
}

/**
 * @param {string} errCode
 * @param {string} errInfo
 * @param {string} fType
 * @returns {HttpResponse}
 */
function pidError(errCode, errInfo, fType) {
	return xml(
		`<?xml version="1.0"?>\n<PidData>\n<Resp errCode="${errCode}" errInfo="${errInfo}" fCount="0" fType="${fType}" ` +
			`iCount="0" iType="0" pCount="0" pType="0" nmPoints="0" qScore="0"/>\n</PidData>`
	);
}

/**
 * @param {string} text
 * @returns {{ outcome?: unknown, status?: unknown } | null}
 */
function parseJson(text) {
	try {
		const value = JSON.parse(text);
		return typeof value === 'object' && value !== null ? value : null;
	} catch {
		return null;
	}
}

/**
 * Resolves after `ms`, or at once when the client has hung up (nobody is waiting any more).
 * @param {number} ms
 * @param {AbortSignal} gone
 * @returns {Promise<void>}
 */
function sleep(ms, gone) {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		gone.addEventListener(
			'abort',
			() => {
				clearTimeout(timer);
				resolve();
			},
			{ once: true }
		);
	});
}

/** @param {string} body @returns {HttpResponse} */
const xml = (body) => ({ status: 200, contentType: 'text/xml; charset=utf-8', body });
/** @param {unknown} value @returns {HttpResponse} */
const json = (value) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });
/** @param {string} message @returns {HttpResponse} */
const badRequest = (message) => ({ status: 400, contentType: 'text/plain', body: message });
/** @returns {HttpResponse} */
const notFound = () => ({ status: 404, contentType: 'text/plain', body: 'Not found' });

/**
 * @param {string[]} args
 * @returns {RdServiceSimulatorOptions}
 */
function optionsFromArguments(args) {
	/** @type {RdServiceSimulatorOptions} */
	const options = {};
	for (let index = 0; index < args.length; index++) {
		const value = args[index + 1];
		if (args[index] === '--port' && value) {
			options.port = Number(value);
			index++;
		} else if (args[index] === '--origin' && value) {
			options.allowOrigin = value;
			index++;
		} else {
			throw new Error(`Unknown argument ${args[index]}; use --port <number> and --origin <url>`);
		}
	}
	return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const simulator = await startRdServiceSimulator(optionsFromArguments(process.argv.slice(2)));
	console.log(`RD Service simulator on ${simulator.url} (control: ${simulator.url}/simulator/state)`);
	const stop = () => void simulator.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
