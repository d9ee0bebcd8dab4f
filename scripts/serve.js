// The hub as `npm start` serves it on a tester's or an installer's machine: plain HTTP on the
// machine's own addresses. adapter-node alone would either fix one ORIGIN (and refuse the
// programme office's forms opened at any other address as cross-site) or take every request for
// HTTPS. Here each request keeps the address it was made to — http://localhost:4173,
// http://127.0.0.1:4173, http://192.168.1.20:4173 from a kiosk on the LAN — so SvelteKit's
// same-origin check of form posts still holds (a page of another site is refused), and a request
// for any other host name (DNS rebinding) is refused before it reaches the hub.
// Production runs `node build` behind its proxy and names its origin there (README: ORIGIN).
import http from 'node:http';
import { networkInterfaces, hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './setup.js';

// The protocol header is ours alone: set from the socket on every request, whatever a client sent.
const PROTOCOL_HEADER = 'x-emitra-served-protocol';

/** The host names this machine answers to: loopback, its name, and its interfaces' addresses. */
export function ownHostNames() {
	const names = new Set(['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
	for (const addresses of Object.values(networkInterfaces())) {
		for (const { address, family } of addresses ?? []) names.add(family === 'IPv6' ? `[${address.split('%')[0]}]` : address);
	}
	return names;
}

/** `host:port` → host, keeping IPv6 brackets. */
const hostOf = (header = '') => header.toLowerCase().replace(/:\d+$/, '');

/**
 * Serves the built hub on `port`; resolves with the listening server.
 * @param {{ port: number, host?: string }} options
 */
export async function serveHub({ port, host = '0.0.0.0' }) {
	delete process.env.ORIGIN;
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	const { handler } = await import(pathToFileURL(path.join(root, 'build', 'handler.js')).href);
	const allowed = ownHostNames();
	const server = http.createServer((request, response) => {
		if (!allowed.has(hostOf(request.headers.host))) {
			response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(
				`This hub answers at its own addresses (${[...allowed].slice(0, 3).join(', ')}…), not at ${request.headers.host ?? 'no host'}`
			);
			return;
		}
		request.headers[PROTOCOL_HEADER] = 'http';
		handler(request, response, () => {
			response.writeHead(404).end();
		});
	});
	await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
	for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
	return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const port = Number(process.env.PORT ?? 4173);
	await serveHub({ port, host: process.env.HOST });
	console.log(`Hub listening on port ${port}`);
}
