import { afterEach, describe, expect, it, vi } from 'vitest';
import { Id003NoteAcceptor, Id003Simulator } from '$lib/devices/note-acceptor';
import type { CashJournal } from './outbox/journal';
import type { CommandResult } from './payment-hub';
import type { PaymentView } from '$lib/contract';
import { paymentViewFixture } from './testing/payment-view';
import { CashSession } from './cash-session.svelte';

/** The hub's cash payment for a bill, before any note. */
function payment(amounts: { payablePaise: number; toCollectPaise: number }): PaymentView {
	return paymentViewFixture({ transactionId: '263260000001', language: 'en', amounts: { billPaise: amounts.payablePaise, ...amounts } });
}

/** An outbox that records what the kiosk wrote and answers as the hub would. */
function recordingJournal(start: PaymentView) {
	const told: string[] = [];
	const answer = (status: PaymentView['status']): CommandResult => ({ kind: 'done', view: { ...start, status } });
	const journal: CashJournal = {
		noteCredited: async (valuePaise: number) => {
			told.push(`note ${valuePaise}`);
		},
		complete: async () => {
			told.push('complete');
			return answer('posted');
		},
		cancel: async (reason: string) => {
			told.push(`cancel ${reason}`);
			return answer('cancelled');
		}
	};
	return { journal, told };
}

async function cashSession(amounts: { payablePaise: number; toCollectPaise: number }, writeDelayMs = 0) {
	vi.useFakeTimers();
	const simulator = new Id003Simulator();
	const acceptor = new Id003NoteAcceptor(simulator.port);
	await acceptor.connect();
	const start = payment(amounts);
	const { journal: recording, told } = recordingJournal(start);
	// A slow disk: the outbox write of a note takes this long.
	const journal: CashJournal = {
		...recording,
		noteCredited: async (valuePaise) => {
			await new Promise((resolve) => setTimeout(resolve, writeDelayMs));
			await recording.noteCredited(valuePaise);
		}
	};
	const finished: PaymentView[] = [];
	const session = new CashSession({
		acceptor,
		journal,
		payment: start,
		onFinished: (view) => finished.push(view),
		onUnsettled: () => told.push('unsettled')
	});
	const started = session.start();
	await vi.advanceTimersByTimeAsync(3_000);
	await started;
	const insert = async (rupees: number) => {
		expect(simulator.insertNote(rupees)).toBe(true);
		await vi.advanceTimersByTimeAsync(2_500);
	};
	return { simulator, acceptor, session, told, finished, insert };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('CashSession', () => {
	it('takes a ₹20 note for a ₹17 bill and completes the payment on the hub', async () => {
		const { session, told, finished, insert, acceptor } = await cashSession({ payablePaise: 1_700, toCollectPaise: 2_000 });
		await insert(20);
		expect(told).toEqual(['note 2000', 'complete']);
		expect(session.collectedPaise).toBe(2_000);
		expect(finished.map((view) => view.status)).toEqual(['posted']);
		expect(acceptor.state).not.toBe('idle');
		await acceptor.close();
	});

	it('holds a note that overshoots and lets the citizen take it back', async () => {
		const { session, told, insert, simulator, acceptor } = await cashSession({ payablePaise: 1_700, toCollectPaise: 2_000 });
		await insert(500);
		expect(session.phase).toBe('overshoot');
		expect(session.overshoot).toEqual({ valuePaise: 50_000, excessPaise: 48_300 });
		await session.returnOvershoot();
		await vi.advanceTimersByTimeAsync(2_500);
		expect(session.phase).toBe('inserting');
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([]);
		expect(told).toEqual([]);
		await acceptor.close();
	});

	it('credits an accepted overshoot: the whole note is taken and the hub completes', async () => {
		const { session, told, insert, simulator, acceptor } = await cashSession({ payablePaise: 1_700, toCollectPaise: 2_000 });
		await insert(500);
		await session.acceptOvershoot();
		await vi.advanceTimersByTimeAsync(2_500);
		expect(simulator.snapshot().cashBox.notesRupees).toEqual([500]);
		expect(told).toEqual(['note 50000', 'complete']);
		await acceptor.close();
	});

	it('cancels when 30 seconds pass without the next note, keeping the note already taken', async () => {
		const { session, told, finished, insert, acceptor } = await cashSession({ payablePaise: 35_000, toCollectPaise: 35_000 });
		await insert(100);
		expect(session.secondsLeft).toBeGreaterThan(25);
		await vi.advanceTimersByTimeAsync(31_000);
		expect(told).toEqual(['note 10000', 'cancel timeout']);
		expect(finished.map((view) => view.status)).toEqual(['cancelled']);
		expect(acceptor.state).toBe('disabled');
		await acceptor.close();
	});

	it('shows a note as counted only once the outbox has it on disk', async () => {
		const { session, told, simulator, acceptor } = await cashSession({ payablePaise: 35_000, toCollectPaise: 35_000 }, 5_000);
		expect(simulator.insertNote(100)).toBe(true);
		await vi.advanceTimersByTimeAsync(2_500);
		expect(told).toEqual([]);
		expect(session.collectedPaise).toBe(0);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(told).toEqual(['note 10000']);
		expect(session.collectedPaise).toBe(10_000);
		await session.cancel();
		await acceptor.close();
	});

	it('stops and cancels when the acceptor jams', async () => {
		const { session, told, simulator, acceptor } = await cashSession({ payablePaise: 35_000, toCollectPaise: 35_000 });
		simulator.forceJam();
		await vi.advanceTimersByTimeAsync(2_000);
		expect(session.problem?.id).toBe('device.fault.jam');
		expect(told).toEqual(['cancel device_failed']);
		const closed = acceptor.close();
		await vi.advanceTimersByTimeAsync(20_000);
		await closed;
	});
});
