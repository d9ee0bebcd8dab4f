import { describe, expect, it, vi } from 'vitest';
import { translator } from '$lib/i18n/translate';
import { CardTerminalNotRespondingError } from './card-terminal/card-terminal';
import { PoorQualityError, RdServiceNotFoundError } from './fingerprint/fingerprint-errors';
import { ReceiptPrinterError } from './receipt-printer/receipt-printer';
import { DeviceNotConnectedError } from './registry';
import { Id003NoteAcceptor, Id003Simulator } from './note-acceptor';
import { describeDeviceError, onAcceptorProblem, type DeviceMessage } from './device-messages';

describe('device messages', () => {
	it('tells the operator what to do for each kind of failure', () => {
		expect(describeDeviceError(new ReceiptPrinterError('paper-out', 'out')).id).toBe('device.fault.paperOut');
		expect(describeDeviceError(new RdServiceNotFoundError([11100])).id).toBe('device.fault.rdNotFound');
		expect(describeDeviceError(new CardTerminalNotRespondingError('silent')).id).toBe('device.fault.terminalSilent');
		expect(describeDeviceError(new DeviceNotConnectedError('noteAcceptor', 'no-api')).id).toBe('device.fault.noBrowserSupport');
		expect(describeDeviceError(new TypeError('boom'))).toEqual({
			id: 'device.fault.unexpected',
			values: { detail: 'boom' }
		});
	});

	it('reports acceptor faults from the real driver in both languages', async () => {
		const simulator = new Id003Simulator();
		const acceptor = new Id003NoteAcceptor(simulator.port, { timings: { pollIntervalMs: 20 } });
		const reported: DeviceMessage[] = [];
		const stop = onAcceptorProblem(acceptor, (message) => reported.push(message));
		await acceptor.connect();
		await acceptor.initialise();
		await acceptor.enable(acceptor.denominationsPaise);
		simulator.forceJam();
		await vi.waitFor(() => expect(reported.map((message) => message.id)).toContain('device.fault.jam'));
		stop();
		await acceptor.close();
		for (const locale of ['en', 'hi'] as const) {
			const t = translator(locale);
			for (const message of reported) expect(t(message.id, message.values)).not.toMatch(/[{}]/);
		}
		expect(translator('hi')('device.fault.rejected', { reason: 'doubleNote' })).toContain('दो नोट');
	});

	it('keeps a fingerprint quality failure apart from a device error', () => {
		const poor = new PoorQualityError({ qScore: 20, errCode: null, errInfo: 'Poor quality' });
		expect(describeDeviceError(poor).id).toBe('device.fault.poorQuality');
	});
});
