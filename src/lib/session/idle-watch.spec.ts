import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatch } from './idle-watch.svelte';

describe('IdleWatch', () => {
	let target: EventTarget;
	let expired: number;
	let watch: IdleWatch;
	let stop: () => void;

	beforeEach(() => {
		vi.useFakeTimers();
		target = new EventTarget();
		expired = 0;
		watch = new IdleWatch({ idleSeconds: 60, idleCountdownSeconds: 30 }, () => expired++);
		stop = watch.start(target);
	});

	afterEach(() => {
		stop();
		vi.useRealTimers();
	});

	it('asks after 60 s without a touch and counts down 30 s before wiping', () => {
		vi.advanceTimersByTime(59_000);
		expect(watch.phase).toBe('active');
		vi.advanceTimersByTime(1_000);
		expect(watch.phase).toBe('asking');
		expect(watch.secondsLeft).toBe(30);
		vi.advanceTimersByTime(10_000);
		expect(watch.secondsLeft).toBe(20);
		vi.advanceTimersByTime(20_000);
		expect(expired).toBe(1);
		expect(watch.phase).toBe('active');
	});

	it('starts the 60 s again at every touch', () => {
		vi.advanceTimersByTime(50_000);
		target.dispatchEvent(new Event('pointerdown'));
		vi.advanceTimersByTime(50_000);
		expect(watch.phase).toBe('active');
		vi.advanceTimersByTime(10_000);
		expect(watch.phase).toBe('asking');
	});

	it('does not let a stray touch behind the dialog cancel the countdown', () => {
		vi.advanceTimersByTime(60_000);
		target.dispatchEvent(new Event('keydown'));
		vi.advanceTimersByTime(30_000);
		expect(expired).toBe(1);
	});

	it('gives the full time again on "I need more time"', () => {
		vi.advanceTimersByTime(70_000);
		watch.extend();
		vi.advanceTimersByTime(59_000);
		expect(watch.phase).toBe('active');
		expect(expired).toBe(0);
	});

	it('never asks while a payment is taking money', () => {
		stop();
		let busy = true;
		watch = new IdleWatch(
			{ idleSeconds: 60, idleCountdownSeconds: 30 },
			() => expired++,
			() => busy
		);
		stop = watch.start(target);
		vi.advanceTimersByTime(300_000);
		expect(watch.phase).toBe('active');
		busy = false;
		vi.advanceTimersByTime(60_000);
		expect(watch.phase).toBe('asking');
	});

	it('stops watching when stopped', () => {
		stop();
		vi.advanceTimersByTime(120_000);
		expect(watch.phase).toBe('active');
		expect(expired).toBe(0);
	});
});
