import { afterEach, describe, expect, it } from 'vitest';
import { readKioskConfig } from '$lib/machine/config';
import { Id003Simulator } from './note-acceptor';
import { DeviceNotConnectedError, DeviceRegistry, pickDevice } from './registry';

const choice = (devices: object) => readKioskConfig({ getItem: () => JSON.stringify({ devices }) }).devices;

describe('pickDevice', () => {
	const ports = [
		{ name: 'acceptor', info: { usbVendorId: 0x067b, usbProductId: 0x2303 } },
		{ name: 'terminal', info: { usbVendorId: 0x0403, usbProductId: 0x6001 } }
	];
	const idsOf = (port: (typeof ports)[number]) => port.info;

	it('finds the port with the configured USB IDs', () => {
		expect(pickDevice(ports, idsOf, { usbVendorId: 0x0403 }, 'cardTerminal').name).toBe('terminal');
	});

	it('takes the only permitted port when no IDs are set', () => {
		expect(pickDevice(ports.slice(0, 1), idsOf, undefined, 'noteAcceptor').name).toBe('acceptor');
	});

	it('refuses to guess between several ports, or when none is permitted', () => {
		expect(() => pickDevice(ports, idsOf, undefined, 'noteAcceptor')).toThrow(DeviceNotConnectedError);
		expect(() => pickDevice([], idsOf, undefined, 'noteAcceptor')).toThrow(/not connected/);
	});
});

describe('DeviceRegistry', () => {
	let registry: DeviceRegistry | undefined;
	afterEach(async () => {
		await (await registry?.noteAcceptor().catch(() => undefined))?.close();
	});

	it('runs the real ID003 driver over the simulated acceptor by default', async () => {
		registry = new DeviceRegistry(choice({}), {});
		const acceptor = await registry.noteAcceptor();
		expect(acceptor.protocol).toBe('id003');
		expect(registry.simulators.noteAcceptor?.protocol).toBe('id003');
		expect(await registry.noteAcceptor()).toBe(acceptor);
		const description = await acceptor.initialise();
		expect(description.denominationsPaise).toContain(200_000);
	});

	it('switches to SSP by configuration', async () => {
		registry = new DeviceRegistry(choice({ noteAcceptor: 'simulated-ssp' }), {});
		expect((await registry.noteAcceptor()).protocol).toBe('ssp');
	});

	it('explains a real device the browser cannot reach, and tries again next time', async () => {
		let permitted: SerialPort[] = [];
		registry = new DeviceRegistry(choice({ noteAcceptor: 'id003' }), {
			serial: { getPorts: async () => permitted }
		});
		expect(registry.simulators.noteAcceptor).toBeUndefined();
		await expect(registry.noteAcceptor()).rejects.toMatchObject({ device: 'noteAcceptor', reason: 'not-permitted' });
		const plugged = new Id003Simulator();
		permitted = [plugged.port as unknown as SerialPort];
		expect((await registry.noteAcceptor()).protocol).toBe('id003');
		const withoutApi = new DeviceRegistry(choice({ cardTerminal: 'serial' }), {});
		await expect(withoutApi.cardTerminal()).rejects.toMatchObject({ reason: 'no-api' });
	});
});
