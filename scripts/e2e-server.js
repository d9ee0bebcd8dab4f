// The hub the browser tests talk to: the production build on a fresh SQLite file of its own, so
// every run starts from the demo data and never touches data/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './setup.js';

const folder = path.join(root, 'test-results', 'e2e-database');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
process.env.DATABASE_FILE = path.join(folder, 'emitra.sqlite');
delete process.env.DATABASE_URL;
// The tester panel's simulated phone shows the SMS the hub sent (OTPs the tests type).
process.env.SMS_SIMULATOR = '1';
// Both browsers of the suite sign in from 127.0.0.1 many times a minute: the per-address limit of
// anonymous endpoints is for the internet, not for one machine running a hundred kiosks.
process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '100000';

// Served as `npm start` serves it: plain HTTP at the address the browser opens.
const { serveHub } = await import('./serve.js');
await serveHub({ port: Number(process.env.PORT), host: '127.0.0.1' });

// The simulated RD Service the fingerprint tests drive, on the first free port the kiosk searches.
// It answers only this server's pages, so test runs side by side (other checkouts, other ports)
// each find their own simulator instead of steering someone else's.
const { startRdServiceSimulator } = await import('./rd-service-simulator.js');
const rdService = await startRdServiceSimulator({
	captureDelayMs: 50,
	allowOrigin: `http://localhost:${process.env.PORT}`
});
console.log(`RD Service simulator on ${rdService.url}`);

// The demo machines the browser tests run as, enrolled through the hub's own API. Playwright
// starts the tests once this prints "ready".
const { enrolTestKiosks } = await import('./enrol-test-kiosks.js');
const enrolled = await enrolTestKiosks(`http://localhost:${process.env.PORT}`);
console.log(`e2e hub ready: ${enrolled.join(', ')} enrolled`);
