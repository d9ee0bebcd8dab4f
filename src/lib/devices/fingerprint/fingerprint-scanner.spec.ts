import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startRdServiceSimulator, type RdServiceSimulator } from '../../../../scripts/rd-service-simulator.js';
import {
	CaptureTimeoutError,
	FingerprintDeviceError,
	FingerprintNotReadyError,
	PoorQualityError,
	RdServiceNotFoundError
} from './fingerprint-errors';
import { interfaceUrl, RdServiceFingerprintScanner, type RdServiceScannerOptions } from './fingerprint-scanner';

const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
	await Promise.all(running.splice(0).map((server) => server.close()));
});

async function simulator(options: Parameters<typeof startRdServiceSimulator>[0] = {}): Promise<RdServiceSimulator> {
	const started = await startRdServiceSimulator({ port: 0, captureDelayMs: 5, ...options });
	running.push(started);
	return started;
}

/** A port nobody listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Some other web server on the machine; Node's own answers RDSERVICE with 400. */
async function otherWebServer(): Promise<number> {
	const server: Server = createServer((_, response) => response.end('<html>hello</html>'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	running.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
	return (server.address() as { port: number }).port;
}

function scanner(ports: number[], options: RdServiceScannerOptions = {}) {
	return new RdServiceFingerprintScanner({ ports, probeTimeoutMs: 1_000, captureTimeoutMs: 300, ...options });
}

describe('RD Service discovery', () => {
	it('finds the ready service among closed ports, another web server and a service that is not ready', async () => {
		const notReady = await simulator();
		notReady.setServiceStatus('NOTREADY');
		const ready = await simulator();
		const ports = [await closedPort(), await otherWebServer(), notReady.port, ready.port];

		expect(await scanner(ports).discover()).toEqual({
			port: ready.port,
			info: 'e-Mitra+ simulated RD Service',
			captureUrl: `http://127.0.0.1:${ready.port}/rd/capture`,
			deviceInfoUrl: `http://127.0.0.1:${ready.port}/rd/info`
		});
	});

	it('reports not found when no port answers as an RD Service', async () => {
		const ports = [await closedPort(), await otherWebServer()];

		const failure = scanner(ports).discover();

		await expect(failure).rejects.toThrow(RdServiceNotFoundError);
		await expect(failure).rejects.toMatchObject({ reason: 'not-found', ports });
	});

	it('reports a service that is not ready, or in use, with its status', async () => {
		const service = await simulator();

		service.setServiceStatus('NOTREADY');
		await expect(scanner([service.port]).capture()).rejects.toMatchObject({ reason: 'not-ready', status: 'NOTREADY' });
		service.setServiceStatus('USED');
		await expect(scanner([service.port]).discover()).rejects.toThrow(FingerprintNotReadyError);
	});

	it('uses the paths the service advertises, in the forms vendors write them, on loopback only', () => {
		const service = (path: string) => ({ status: 'READY' as const, info: '', interfaces: [{ id: 'CAPTURE', path }] });

		expect(interfaceUrl(11101, service('/rd/capture'), 'CAPTURE')).toBe('http://127.0.0.1:11101/rd/capture');
		expect(interfaceUrl(11102, service('/127.0.0.1:11102/capture'), 'CAPTURE')).toBe('http://127.0.0.1:11102/capture');
		expect(interfaceUrl(11100, service('http://localhost:11100/mfs100/capture'), 'CAPTURE')).toBe(
			'http://localhost:11100/mfs100/capture'
		);
		expect(interfaceUrl(11100, service('http://collector.example/capture'), 'CAPTURE')).toBeNull();
		expect(interfaceUrl(11100, service('/rd/capture'), 'DEVICEINFO')).toBeNull();
	});

	it('sends DEVICEINFO to the advertised path', async () => {
		const requests: string[] = [];
		const fakeFetch: typeof fetch = async (input, init) => {
			requests.push(`${init?.method} ${String(input)}`);
			if (init?.method === 'RDSERVICE') {
				return new Response(
					'<RDService status="READY" info="Morpho_RD_Service"><Interface id="CAPTURE" path="/127.0.0.1:11102/capture" />' +
						'<Interface id="DEVICEINFO" path="/127.0.0.1:11102/getDeviceInfo" /></RDService>'
				);
			}
			return new Response('<DeviceInfo dpId="Morpho.SmartChip" rdsId="SCPL.WIN.001" rdsVer="1.0.2" mi="MSO1300E3" dc="d1"/>');
		};

		const device = await new RdServiceFingerprintScanner({ fetch: fakeFetch, ports: [11102] }).deviceInfo();

		expect(requests).toEqual(['RDSERVICE http://127.0.0.1:11102/', 'DEVICEINFO http://127.0.0.1:11102/getDeviceInfo']);
		expect(device).toEqual({
			dpId: 'Morpho.SmartChip',
			rdsId: 'SCPL.WIN.001',
			rdsVer: '1.0.2',
			mi: 'MSO1300E3',
			dc: 'd1',
			serialNumber: null
		});
	});
});

describe('fingerprint capture against the simulated RD Service', () => {
	it('reads the device information', async () => {
		const service = await simulator();

		expect(await scanner([service.port]).deviceInfo()).toMatchObject({
			dpId: 'EMITRA.SIM',
			rdsId: 'EMITRA.SIM.001',
			mi: 'SIMFP-1',
			serialNumber: 'SIM0000001'
		});
	});

	it('captures one finger in both formats and hands over the PidData untouched', async () => {
		const service = await simulator();
		const bodies: string[] = [];
		const recordingFetch: typeof fetch = async (input, init) => {
			if (init?.method === 'CAPTURE') bodies.push(String(init.body));
			return fetch(input, init);
		};

		const capture = await scanner([service.port], { fetch: recordingFetch, env: 'PP' }).capture();

		expect(bodies).toEqual([
			'<PidOptions ver="1.0"><Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" pidVer="2.0" ' +
				'timeout="300" posh="UNKNOWN" env="PP"/></PidOptions>'
		]);
		expect(capture).toMatchObject({ errInfo: 'Capture Success', fCount: 1, qScore: 82, nmPoints: 38 });
		expect(capture.device?.dpId).toBe('EMITRA.SIM');
		expect(capture.pidData).toMatch(/^<\?xml version="1.0"\?>\n<PidData>\n<Resp errCode="0"/);
		expect(capture.pidData).toMatch(/<Skey ci="\d{8}">[A-Za-z0-9+/=]{344}<\/Skey>/);
		expect(capture.pidData).toMatch(/<Hmac>[A-Za-z0-9+/=]{64}<\/Hmac>/);
		expect(capture.pidData).toMatch(/<Data type="X">[A-Za-z0-9+/=]+<\/Data>\n<\/PidData>$/);
		expect(service.state().captures).toBe(1);
	});

	it('refuses a capture the service scores below the minimum', async () => {
		const service = await simulator();
		service.setNextCapture('poor-quality');

		const failure = scanner([service.port]).capture();

		await expect(failure).rejects.toThrow(PoorQualityError);
		await expect(failure).rejects.toMatchObject({ reason: 'poor-quality', qScore: 28, errCode: null });
	});

	it('accepts the same score when the minimum is configured lower', async () => {
		const service = await simulator();
		service.setNextCapture('poor-quality');

		expect(await scanner([service.port], { minimumQScore: 25 }).capture()).toMatchObject({ qScore: 28 });
	});

	it('reports a capture timeout when the service gives up waiting for a finger', async () => {
		const service = await simulator();
		service.setNextCapture('timeout');
		const started = Date.now();

		await expect(scanner([service.port], { captureTimeoutMs: 150 }).capture()).rejects.toMatchObject({
			reason: 'capture-timeout',
			errCode: '700'
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('reports a capture timeout when the service itself does not answer in time', async () => {
		const hangingFetch: typeof fetch = (input, init) =>
			init?.method === 'CAPTURE'
				? new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
				: fetch(input, init);
		const service = await simulator();

		await expect(scanner([service.port], { fetch: hangingFetch, captureTimeoutMs: 20, captureGraceMs: 20 }).capture()).rejects.toThrow(
			CaptureTimeoutError
		);
	});

	it('reports a scanner that is not ready at capture time', async () => {
		const service = await simulator();
		service.setNextCapture('not-ready');

		await expect(scanner([service.port]).capture()).rejects.toMatchObject({
			reason: 'not-ready',
			errCode: '720',
			errInfo: 'Device not ready'
		});
	});

	it("reports a device error with the service's errInfo", async () => {
		const service = await simulator();
		service.setNextCapture('device-error');

		const failure = scanner([service.port]).capture();

		await expect(failure).rejects.toThrow(FingerprintDeviceError);
		await expect(failure).rejects.toMatchObject({ errCode: '740', errInfo: 'Device needs to be re-initialized' });
	});

	it('looks for the service again after it went away', async () => {
		const first = await simulator();
		const laterPort = await closedPort();
		const kiosk = scanner([first.port, laterPort]);
		await kiosk.discover();
		await first.close();

		await expect(kiosk.capture()).rejects.toThrow(RdServiceNotFoundError);
		await simulator({ port: laterPort });
		expect(await kiosk.capture()).toMatchObject({ fCount: 1 });
	});
});

describe('RD Service simulator over HTTP', () => {
	it('answers the CORS preflight for the custom methods', async () => {
		const service = await simulator({ allowOrigin: 'https://kiosk.example' });

		const response = await fetch(`${service.url}/rd/capture`, {
			method: 'OPTIONS',
			headers: { Origin: 'https://kiosk.example', 'Access-Control-Request-Method': 'CAPTURE' }
		});

		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('https://kiosk.example');
		expect(response.headers.get('access-control-allow-methods')).toBe('RDSERVICE, DEVICEINFO, CAPTURE, GET, POST, OPTIONS');
		expect(response.headers.get('access-control-allow-private-network')).toBe('true');
		const discovery = await fetch(`${service.url}/`, { method: 'RDSERVICE' });
		expect(discovery.headers.get('access-control-allow-origin')).toBe('https://kiosk.example');
		expect(discovery.headers.get('content-type')).toBe('text/xml; charset=utf-8');
	});

	it('takes the next capture outcome and the service status from its control endpoint', async () => {
		const service = await simulator();
		const post = (path: string, body: unknown) =>
			fetch(`${service.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

		expect((await post('/simulator/next-capture', { outcome: 'explode' })).status).toBe(400);
		expect(await (await post('/simulator/next-capture', { outcome: 'device-error' })).json()).toMatchObject({
			nextCapture: 'device-error'
		});
		await expect(scanner([service.port]).capture()).rejects.toMatchObject({ reason: 'device-error' });
		expect(await (await fetch(`${service.url}/simulator/state`)).json()).toEqual({
			port: service.port,
			serviceStatus: 'READY',
			nextCapture: 'pass',
			captures: 1
		});
		await post('/simulator/service-status', { status: 'USED' });
		await expect(scanner([service.port]).discover()).rejects.toMatchObject({ reason: 'not-ready', status: 'USED' });
	});

	it('refuses methods and paths that are not part of the service', async () => {
		const service = await simulator();

		expect((await fetch(`${service.url}/rd/capture`, { method: 'GET' })).status).toBe(405);
		expect((await fetch(`${service.url}/elsewhere`, { method: 'CAPTURE', body: '<PidOptions/>' })).status).toBe(404);
	});

	it('takes the first free port of its range', async () => {
		const taken = await simulator();

		const next = await simulator({ port: undefined, portRange: [taken.port, taken.port + 5] });

		expect(next.port).toBeGreaterThan(taken.port);
		expect(next.port).toBeLessThanOrEqual(taken.port + 5);
	});
});
