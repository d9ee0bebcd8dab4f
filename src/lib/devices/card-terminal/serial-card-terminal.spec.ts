import { describe, expect, it, vi } from 'vitest';
import { SimulatedSerialPort } from '../serial/simulated-serial-port';
import { CardTerminalSimulator } from './card-terminal-simulator';
import { CardTerminalNotRespondingError, SaleAlreadyAttemptedError } from './card-terminal';
import { SerialCardTerminal } from './serial-card-terminal';

const TIMEOUTS = { saleTimeoutMs: 80, queryTimeoutMs: 80 };

async function connected(simulator = new CardTerminalSimulator(), timeouts = TIMEOUTS) {
	const port = new SimulatedSerialPort(simulator);
	const terminal = new SerialCardTerminal(port, timeouts);
	await terminal.connect();
	return { simulator, port, terminal };
}

/** The citizen reaches the terminal once the kiosk's sale has arrived there. */
async function whenSaleArrives(simulator: CardTerminalSimulator): Promise<void> {
	await vi.waitFor(() => expect(simulator.pendingSale).not.toBeNull(), { interval: 1 });
}

describe('card terminal over serial', () => {
	it('reports an approved sale with the card details', async () => {
		const { simulator, terminal } = await connected(undefined, { ...TIMEOUTS, saleTimeoutMs: 5_000 });

		const sale = terminal.sale(12_000, 'EM-1');
		await whenSaleArrives(simulator);
		expect(simulator.pendingSale).toEqual({ ref: 'EM-1', amountPaise: 12_000 });
		simulator.approve({ maskedPan: '411111******1111', cardType: 'visa' });

		expect(await sale).toEqual({
			outcome: 'approved',
			authCode: '000001',
			maskedPan: '411111******1111',
			cardType: 'visa',
			rrn: '500000000001',
			amountPaise: 12_000
		});
		expect(simulator.charges()).toEqual([{ ref: 'EM-1', amountPaise: 12_000, rrn: '500000000001', voided: false }]);
	});

	it('reports a decline with its reason, and a cancel, without charging', async () => {
		const { simulator, terminal } = await connected();

		simulator.respondToNextSale({ kind: 'decline', reason: 'insufficient-funds' });
		expect(await terminal.sale(5_000, 'EM-2')).toEqual({ outcome: 'declined', reason: 'insufficient-funds' });
		simulator.respondToNextSale({ kind: 'cancel' });
		expect(await terminal.sale(5_000, 'EM-3')).toEqual({ outcome: 'cancelled' });
		expect(simulator.charges()).toEqual([]);
	});

	it("reports 'unknown' when the reply is lost, and status then says it was approved", async () => {
		const { simulator, terminal } = await connected();
		simulator.respondToNextSale({ kind: 'time-out', then: 'approved' });

		expect(await terminal.sale(7_500, 'EM-4')).toEqual({ outcome: 'unknown' });

		expect(await terminal.status('EM-4')).toMatchObject({ outcome: 'approved', amountPaise: 7_500 });
		expect(simulator.charges()).toHaveLength(1);
	});

	it("reports 'unknown' when the reply is lost, and status then says it was declined", async () => {
		const { simulator, terminal } = await connected();
		simulator.respondToNextSale({ kind: 'time-out', then: 'declined' });

		expect(await terminal.sale(7_500, 'EM-5')).toEqual({ outcome: 'unknown' });

		expect(await terminal.status('EM-5')).toEqual({ outcome: 'declined', reason: 'issuer-unavailable' });
		expect(simulator.charges()).toEqual([]);
	});

	it('says a sale is still in progress while the citizen is at the terminal, and ignores its late reply', async () => {
		const { simulator, terminal } = await connected();

		expect(await terminal.sale(2_000, 'EM-6')).toEqual({ outcome: 'unknown' });
		expect(await terminal.status('EM-6')).toEqual({ outcome: 'in-progress' });
		expect(await terminal.sale(3_000, 'EM-7')).toEqual({ outcome: 'declined', reason: 'terminal-busy' });

		simulator.approve();
		expect(await terminal.status('EM-6')).toMatchObject({ outcome: 'approved', amountPaise: 2_000 });
		expect(await terminal.status('EM-7')).toEqual({ outcome: 'not-found' });
	});

	it('cannot reach an offline terminal: the sale is unknown, status fails, later nothing was charged', async () => {
		const { simulator, terminal } = await connected();
		simulator.setOffline(true);

		expect(await terminal.sale(1_000, 'EM-8')).toEqual({ outcome: 'unknown' });
		await expect(terminal.status('EM-8')).rejects.toThrow(CardTerminalNotRespondingError);
		expect(await terminal.void('EM-8')).toEqual({ outcome: 'unknown' });

		simulator.setOffline(false);
		expect(await terminal.status('EM-8')).toEqual({ outcome: 'not-found' });
		expect(simulator.charges()).toEqual([]);
	});

	it('refuses to send a second sale for the same ref', async () => {
		const { simulator, terminal } = await connected();
		simulator.respondToNextSale({ kind: 'time-out', then: 'approved' });
		expect(await terminal.sale(4_000, 'EM-9')).toEqual({ outcome: 'unknown' });
		simulator.respondToNextSale({ kind: 'approve' });

		await expect(terminal.sale(4_000, 'EM-9')).rejects.toThrow(SaleAlreadyAttemptedError);

		expect(simulator.charges()).toHaveLength(1);
		expect(await terminal.status('EM-9')).toMatchObject({ outcome: 'approved' });
	});

	it('does not charge twice when a restarted kiosk sends the same ref again', async () => {
		const simulator = new CardTerminalSimulator();
		const port = new SimulatedSerialPort(simulator);
		const beforeRestart = new SerialCardTerminal(port, TIMEOUTS);
		await beforeRestart.connect();
		simulator.respondToNextSale({ kind: 'approve' });
		const first = await beforeRestart.sale(9_900, 'EM-10');
		await beforeRestart.close();

		const afterRestart = new SerialCardTerminal(port, TIMEOUTS);
		await afterRestart.connect();
		simulator.respondToNextSale({ kind: 'approve' });

		expect(await afterRestart.sale(9_900, 'EM-10')).toEqual(first);
		expect(await afterRestart.sale(19_900, 'EM-10').catch((error: unknown) => error)).toBeInstanceOf(SaleAlreadyAttemptedError);
		expect(simulator.charges()).toHaveLength(1);
		expect(simulator.pendingSale).toBeNull();
	});

	it('declines, without charging, a reused ref with a different amount', async () => {
		const simulator = new CardTerminalSimulator();
		const port = new SimulatedSerialPort(simulator);
		const kiosk = new SerialCardTerminal(port, TIMEOUTS);
		await kiosk.connect();
		simulator.respondToNextSale({ kind: 'approve' });
		await kiosk.sale(1_000, 'EM-11');
		await kiosk.close();

		const buggyKiosk = new SerialCardTerminal(port, TIMEOUTS);
		await buggyKiosk.connect();

		expect(await buggyKiosk.sale(2_000, 'EM-11')).toEqual({ outcome: 'declined', reason: 'ref-reused' });
		expect(simulator.charges()).toEqual([expect.objectContaining({ ref: 'EM-11', amountPaise: 1_000 })]);
	});

	it('voids an approved sale once, and refuses what it cannot void', async () => {
		const { simulator, terminal } = await connected();
		simulator.respondToNextSale({ kind: 'approve' });
		await terminal.sale(6_000, 'EM-12');
		simulator.respondToNextSale({ kind: 'decline', reason: 'expired-card' });
		await terminal.sale(6_000, 'EM-13');

		expect(await terminal.void('EM-12')).toEqual({ outcome: 'voided' });
		expect(await terminal.void('EM-12')).toEqual({ outcome: 'voided' });
		expect(await terminal.status('EM-12')).toEqual({ outcome: 'voided' });
		expect(await terminal.void('EM-13')).toEqual({ outcome: 'refused', reason: 'sale-not-approved' });
		expect(await terminal.void('EM-14')).toEqual({ outcome: 'not-found' });
		expect(simulator.charges()).toEqual([expect.objectContaining({ ref: 'EM-12', voided: true })]);
	});

	it('cancels, like a real terminal, a sale the citizen walks away from', async () => {
		const { simulator, terminal } = await connected(new CardTerminalSimulator({ citizenTimeLimitMs: 20 }), {
			...TIMEOUTS,
			saleTimeoutMs: 5_000
		});

		expect(await terminal.sale(500, 'EM-17')).toEqual({ outcome: 'cancelled' });
		expect(simulator.pendingSale).toBeNull();
	});

	it('refuses amounts that are not whole positive paise and refs outside the protocol', async () => {
		const { terminal } = await connected();

		await expect(terminal.sale(10.5, 'EM-15')).rejects.toThrow();
		await expect(terminal.sale(0, 'EM-15')).rejects.toThrow();
		await expect(terminal.sale(100, 'EM 15')).rejects.toThrow();
		// Refused before sending, so the ref is still free for a correct sale.
		expect(await terminal.sale(100, 'EM-15')).toEqual({ outcome: 'unknown' });
	});

	it('opens the port at 115200 8N1, which the simulator insists on, and releases it on close', async () => {
		const { port, terminal } = await connected();

		await terminal.close();

		expect(port.readable).toBeNull();
		await expect(new SerialCardTerminal(port).status('EM-16')).rejects.toThrow('not connected');
	});
});
