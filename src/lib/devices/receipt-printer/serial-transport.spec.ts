import { describe, expect, it } from 'vitest';
import { SimulatedSerialPort } from '../serial/simulated-serial-port';
import { createSerialReceiptPrinter } from './receipt-printer';
import { SimulatedSerialPrinter } from './simulated-serial-printer';
import { createTestCanvasFactory } from './test-canvas';

const STATUS_REQUEST = [0x10, 0x04, 0x04];

describe('serial receipt printer', () => {
	const { createCanvas } = createTestCanvasFactory();
	const options = { columns: 32 as const, statusTimeoutMs: 30, createCanvas };

	async function connected(device = new SimulatedSerialPrinter()) {
		const port = new SimulatedSerialPort(device);
		const printer = createSerialReceiptPrinter(port, options);
		await printer.connect();
		return { device, port, printer };
	}

	it('reads the paper state and prints through the serial port', async () => {
		const { device, printer } = await connected();
		device.setPaper('near-end');

		expect(await printer.paperStatus()).toBe('near-end');
		expect(await printer.print({ blocks: [{ kind: 'text', text: 'OK' }, { kind: 'cut' }] })).toEqual({
			paperStatus: 'near-end'
		});

		expect([...device.receivedBytes()].slice(0, 6)).toEqual([...STATUS_REQUEST, ...STATUS_REQUEST]);
		expect(device.receipts()).toEqual([
			[
				{ kind: 'text', spans: [{ text: 'OK', bold: false, underline: false, width: 1, height: 1 }] },
				{ kind: 'cut', partial: true }
			]
		]);
	});

	it('takes a status poll that comes in during a print in turn, not as a clash', async () => {
		const { printer } = await connected();

		const [printed, polled] = await Promise.all([printer.print({ blocks: [{ kind: 'text', text: 'OK' }] }), printer.paperStatus()]);

		expect(printed).toEqual({ paperStatus: 'ok' });
		expect(polled).toBe('ok');
	});

	it('opens the port at the baud rate configured for the printer', async () => {
		const device = new SimulatedSerialPrinter({ baudRate: 38400, dataBits: 8, parity: 'none', stopBits: 1 });
		const port = new SimulatedSerialPort(device);

		await expect(createSerialReceiptPrinter(port, options).connect()).rejects.toThrow('needs 38400 8N1');
		const printer = createSerialReceiptPrinter(port, { ...options, serial: { baudRate: 38400 } });
		await printer.connect();
		expect(await printer.paperStatus()).toBe('ok');
	});

	it("reports 'no-answer' and refuses to print with the paper out or the printer silent", async () => {
		const { device, printer } = await connected();

		device.setPaper('out');
		await expect(printer.print({ blocks: [{ kind: 'text', text: 'OK' }] })).rejects.toMatchObject({
			failure: 'paper-out'
		});
		device.setAnswersStatus(false);
		expect(await printer.paperStatus()).toBe('no-answer');
		expect(device.preview()).toEqual([]);
	});

	it('releases the streams so the port closes', async () => {
		const { port, printer } = await connected();

		await printer.close();

		expect(port.readable).toBeNull();
		expect(port.writable).toBeNull();
	});
});
