import { describe, expect, it } from 'vitest';
import type { DeviceRegistry } from '$lib/devices/registry';
import { collectDeviceStates } from './heartbeat';

/** A registry whose opened devices answer as given; the RD Service is found or not. */
function registry(opened: Record<string, unknown>, rdServiceFound: boolean): DeviceRegistry {
	return {
		opened: () => opened,
		fingerprintScanner: () => ({
			discover: () => (rdServiceFound ? Promise.resolve({ port: 11100, info: 'RD' }) : Promise.reject(new Error('none')))
		})
	} as unknown as DeviceRegistry;
}

describe('the heartbeat’s device states', () => {
	it('reports devices the app has not opened as not open, without opening them', async () => {
		expect(await collectDeviceStates(registry({}, false))).toEqual({
			noteAcceptor: 'not-open',
			printerPaper: 'unknown',
			rdService: 'not-found',
			cardTerminal: 'not-open'
		});
	});

	it('words what the opened devices say', async () => {
		const opened = {
			noteAcceptor: Promise.resolve({ state: 'jammed' }),
			receiptPrinter: Promise.resolve({ paperStatus: () => Promise.resolve('out') }),
			cardTerminal: Promise.resolve({})
		};
		expect(await collectDeviceStates(registry(opened, true))).toEqual({
			noteAcceptor: 'jammed',
			printerPaper: 'out',
			rdService: 'ready',
			cardTerminal: 'connected'
		});
		const full = {
			noteAcceptor: Promise.resolve({ state: 'cashBoxFull' }),
			receiptPrinter: Promise.resolve({ paperStatus: () => Promise.resolve('no-answer') })
		};
		expect(await collectDeviceStates(registry(full, true))).toMatchObject({ noteAcceptor: 'cash-box-full', printerPaper: 'unknown' });
	});

	it('a device that failed to open is reported as a fault', async () => {
		const opened = { noteAcceptor: Promise.reject(new Error('port gone')) };
		expect((await collectDeviceStates(registry(opened, true))).noteAcceptor).toBe('fault');
	});
});
