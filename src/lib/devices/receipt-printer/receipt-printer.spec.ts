import { describe, expect, it } from 'vitest';
import { EscPosReceiptPrinter, ReceiptPrinterError, createUsbReceiptPrinter } from './receipt-printer';
import { SimulatedUsbPrinter } from './simulated-usb-printer';
import { createTestCanvasFactory } from './test-canvas';
import { findPrinterEndpoints, UsbPrinterTransport } from './usb-transport';
import type { Receipt } from './receipt';

const STATUS_REQUEST = [0x10, 0x04, 0x04];
const receipt: Receipt = {
	blocks: [{ kind: 'text', text: 'e-Mitra receipt', bold: true }, { kind: 'row', label: 'Amount', value: 'Rs 120.00' }, { kind: 'cut' }]
};

async function connectedPrinter(options: { loadFont?: () => Promise<void> } = {}) {
	const device = new SimulatedUsbPrinter();
	const { createCanvas } = createTestCanvasFactory();
	const printer = createUsbReceiptPrinter(device, {
		columns: 32,
		statusTimeoutMs: 30,
		createCanvas,
		loadFont: options.loadFont ?? (async () => undefined)
	});
	await printer.connect();
	return { device, printer };
}

describe('USB receipt printer', () => {
	it('claims the printer interface and reads the paper state', async () => {
		const { device, printer } = await connectedPrinter();

		expect(await printer.paperStatus()).toBe('ok');
		device.setPaper('near-end');
		expect(await printer.paperStatus()).toBe('near-end');
		device.setPaper('out');
		expect(await printer.paperStatus()).toBe('out');
	});

	it("reports 'no-answer' when the printer stays silent, and reads a later answer correctly", async () => {
		const { device, printer } = await connectedPrinter();

		device.setAnswersStatus(false);
		expect(await printer.paperStatus()).toBe('no-answer');
		device.setAnswersStatus(true);
		device.setPaper('near-end');
		expect(await printer.paperStatus()).toBe('near-end');
	});

	it('prints the receipt after checking the paper', async () => {
		const { device, printer } = await connectedPrinter();

		expect(await printer.print(receipt)).toEqual({ paperStatus: 'ok' });

		const sent = [...device.receivedBytes()];
		expect(sent.slice(0, 3)).toEqual(STATUS_REQUEST);
		expect(sent.slice(3, 5)).toEqual([0x1b, 0x40]);
		const [printed] = device.receipts();
		const lines = printed?.flatMap((item) => (item.kind === 'text' ? [item.spans.map((s) => s.text).join('')] : []));
		expect(lines).toEqual(['e-Mitra receipt', 'Amount                 Rs 120.00']);
		expect(printed?.at(-1)).toEqual({ kind: 'cut', partial: true });
	});

	it('tells the caller that the roll is running low', async () => {
		const { device, printer } = await connectedPrinter();
		device.setPaper('near-end');

		expect(await printer.print(receipt)).toEqual({ paperStatus: 'near-end' });
	});

	it('refuses to print with the paper out, and sends nothing but the status request', async () => {
		const { device, printer } = await connectedPrinter();
		device.setPaper('out');

		const failure = printer.print(receipt);

		await expect(failure).rejects.toThrow(ReceiptPrinterError);
		await expect(failure).rejects.toMatchObject({ failure: 'paper-out', paperStatus: 'out' });
		expect([...device.receivedBytes()]).toEqual(STATUS_REQUEST);
		expect(device.preview()).toEqual([]);
	});

	it('refuses to print when the printer does not answer', async () => {
		const { device, printer } = await connectedPrinter();
		device.setAnswersStatus(false);

		await expect(printer.print(receipt)).rejects.toMatchObject({
			failure: 'not-responding',
			paperStatus: 'no-answer'
		});
		expect(device.preview()).toEqual([]);
	});

	it('checks the paper again after a failed transfer, to say why it failed', async () => {
		const { device, printer } = await connectedPrinter();

		device.failNextWrite('out');
		await expect(printer.print(receipt)).rejects.toMatchObject({ failure: 'paper-out', paperStatus: 'out' });

		device.setPaper('ok');
		device.failNextWrite();
		const failure = printer.print(receipt);
		await expect(failure).rejects.toMatchObject({ failure: 'print-failed', paperStatus: 'ok' });
		await expect(failure).rejects.toHaveProperty('cause.message', 'NetworkError: A transfer error has occurred.');
	});

	it('loads the receipt font before drawing a Hindi line, and only then', async () => {
		const loads: string[] = [];
		const { printer } = await connectedPrinter({
			loadFont: async () => {
				loads.push('font');
			}
		});

		await printer.print(receipt);
		expect(loads).toEqual([]);
		await printer.print({ blocks: [{ kind: 'text', text: 'धन्यवाद' }] });
		expect(loads).toEqual(['font']);
	});

	it('releases the interface and closes the device', async () => {
		const { device, printer } = await connectedPrinter();

		await printer.close();

		expect(device.opened).toBe(false);
		expect(await new EscPosReceiptPrinter(new UsbPrinterTransport(device)).paperStatus()).toBe('no-answer');
	});
});

describe('findPrinterEndpoints', () => {
	const bulk = (endpointNumber: number, direction: USBDirection): USBEndpoint => ({
		endpointNumber,
		direction,
		type: 'bulk',
		packetSize: 64
	});
	const usbInterface = (interfaceNumber: number, interfaceClass: number, endpoints: USBEndpoint[]): USBInterface => {
		const alternate: USBAlternateInterface = {
			alternateSetting: 0,
			interfaceClass,
			interfaceSubclass: 0,
			interfaceProtocol: 0,
			interfaceName: null,
			endpoints
		};
		return { interfaceNumber, alternate, alternates: [alternate], claimed: false };
	};
	const configuration = (interfaces: USBInterface[]): USBConfiguration => ({
		configurationValue: 1,
		configurationName: null,
		interfaces
	});

	it('prefers the printer-class interface over a vendor-specific one', () => {
		const found = findPrinterEndpoints(
			configuration([usbInterface(0, 0xff, [bulk(1, 'out'), bulk(1, 'in')]), usbInterface(1, 0x07, [bulk(3, 'out'), bulk(4, 'in')])])
		);

		expect(found).toEqual({ interfaceNumber: 1, outEndpoint: 3, inEndpoint: 4 });
	});

	it('takes a vendor-specific interface when it is the only one with bulk endpoints both ways', () => {
		const found = findPrinterEndpoints(
			configuration([
				usbInterface(0, 0x07, [bulk(1, 'out')]),
				usbInterface(2, 0xff, [{ ...bulk(5, 'in'), type: 'interrupt' }, bulk(6, 'in'), bulk(2, 'out')])
			])
		);

		expect(found).toEqual({ interfaceNumber: 2, outEndpoint: 2, inEndpoint: 6 });
	});

	it('finds nothing on a device without bulk endpoints', () => {
		expect(findPrinterEndpoints(configuration([usbInterface(0, 0x03, [])]))).toBeNull();
	});
});
