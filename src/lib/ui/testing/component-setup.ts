// Set-up of the `components` project. Its spec files share one module graph (isolate: false,
// for speed), so every double lives in ./doubles, loaded once: navigation is recorded instead of
// done, the kiosk's devices answer as each test says, IndexedDB (the outbox) is fake-indexeddb.
// After each test the document is emptied and nothing stored, stubbed or scripted is left.
import { act, cleanup } from '@testing-library/svelte';
import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';
import { reportHubAnswer } from '$lib/machine/connectivity.svelte';

vi.mock('$app/navigation', async () => (await import('./doubles')).navigation);
vi.mock('$lib/devices/kiosk-devices', async () => ({ kioskDevices: (await import('./doubles')).kioskDevices }));
// jsdom draws no canvas: a QR code is a picture of nothing, and the receipt encoder (which wants
// canvas ImageData as it loads) is never reached, as no screen under test encodes a receipt itself.
vi.mock('qrcode', () => ({ default: { toDataURL: async () => 'data:image/png;base64,' } }));
vi.mock('@point-of-sale/receipt-printer-encoder', () => ({ default: class {} }));

afterEach(async () => {
	await act();
	cleanup();
	vi.resetAllMocks();
	vi.unstubAllGlobals();
	sessionStorage.clear();
	localStorage.clear();
	// The hub answers again: a test that cut it off leaves the next one online.
	reportHubAnswer('/api/v1/health', 'POST', true);
});
