import { describe, expect, it } from 'vitest';
import { CaptureTimeoutError, PoorQualityError, RdServiceNotFoundError } from '$lib/devices/fingerprint/fingerprint-errors';
import type { FingerprintCapture, FingerprintScanner } from '$lib/devices/fingerprint/fingerprint-scanner';
import type { CommandResult } from '../payment-hub';
import type { PaymentView } from '$lib/contract';
import { paymentViewFixture, type PaymentViewChanges } from '../testing/payment-view';
import type { AadhaarBank } from './aadhaar-form';
import { AadhaarSession } from './aadhaar-session.svelte';

function awaiting(changes: PaymentViewChanges = {}): PaymentView {
	return paymentViewFixture({
		transactionId: '263260000077',
		mode: 'aadhaar',
		...changes,
		amounts: { billPaise: 120_000, payablePaise: 120_000, toCollectPaise: 120_000, ...changes.amounts }
	});
}

const BANKS: AadhaarBank[] = [
	{ iin: '607094', name: { en: 'State Bank of India', hi: 'भारतीय स्टेट बैंक' } },
	{ iin: '607027', name: { en: 'Punjab National Bank', hi: 'पंजाब नैशनल बैंक' } }
];
/** The RD Service's answer, which must reach the hub byte for byte. */
const PID_DATA = '<PidData>\n  <Resp errCode="0" qScore="78"/>\n  <Data type="X">MIIB…==</Data>\n</PidData>';
const posted = awaiting({
	status: 'posted',
	instrument: { masked: 'XXXX XXXX 7058', label: 'State Bank of India', authCode: '123456', rrn: '123456789012' }
});
const done = (view: PaymentView): CommandResult => ({ kind: 'done', view });

/** A scanner that does what each capture of the script says, when the test lets it. */
function scriptedScanner(captures: (() => FingerprintCapture | Error)[]) {
	const pending: (() => void)[] = [];
	let held = false;
	const scanner: FingerprintScanner = {
		discover: () => Promise.reject(new Error('not used')),
		deviceInfo: () => Promise.reject(new Error('not used')),
		capture: () =>
			new Promise((resolve, reject) => {
				const run = () => {
					const next = captures.shift()?.() ?? new Error('The script has no capture');
					if (next instanceof Error) reject(next);
					else resolve(next);
				};
				if (held) pending.push(run);
				else run();
			})
	};
	return {
		scanner,
		/** Captures wait for `release` (a citizen who has not put a finger down yet). */
		hold: () => (held = true),
		release: () => pending.splice(0).forEach((run) => run())
	};
}

const captured = (): FingerprintCapture => ({ pidData: PID_DATA, errInfo: '', fCount: 1, qScore: 78, nmPoints: 40, device: null });

function session(options: {
	script?: Partial<Record<'aadhaarPay' | 'cancel' | 'current', CommandResult[]>>;
	captures?: (() => FingerprintCapture | Error)[];
	banks?: (AadhaarBank[] | null)[];
	payment?: PaymentView;
}) {
	const told: { command: string; args: unknown[] }[] = [];
	const script = options.script ?? {};
	const answer =
		(command: keyof typeof script) =>
		async (...args: unknown[]) => {
			told.push({ command, args: args.slice(1) });
			const next = script[command]?.shift();
			if (!next) throw new Error(`The script has no answer for ${command}`);
			return next;
		};
	const bankAnswers = options.banks ?? [BANKS];
	const scanner = scriptedScanner(options.captures ?? []);
	const finished: PaymentView[] = [];
	const unsettled: string[] = [];
	const aadhaar = new AadhaarSession({
		hub: { aadhaarPay: answer('aadhaarPay'), cancel: answer('cancel'), current: answer('current') },
		payment: options.payment ?? awaiting(),
		scanner: () => scanner.scanner,
		loadBanks: async () => bankAnswers.shift() ?? null,
		onFinished: (view) => finished.push(view),
		onUnsettled: (id) => unsettled.push(id)
	});
	aadhaar.begin();
	return { aadhaar, told, finished, unsettled, scanner };
}

/** Lets the bank list the session asked for at the start arrive. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Number and bank given: the fingerprint screen. */
async function atFinger(aadhaar: AadhaarSession, number = '999941057058') {
	await settled();
	aadhaar.typeNumber(number);
	aadhaar.submitNumber();
	aadhaar.chooseBank('607094');
	aadhaar.submitBank();
	expect(aadhaar.stage).toBe('finger');
}

describe('an Aadhaar payment', () => {
	it('checks the number, then shows it only masked', () => {
		const { aadhaar } = session({});
		aadhaar.typeNumber('1234 5678 9012');
		aadhaar.submitNumber();
		expect(aadhaar.errors).toEqual({ number: { id: 'payment.aadhaar.number.firstDigit' } });
		expect(aadhaar.numberInput).toBe('1234 5678 9012');
		aadhaar.typeNumber('9999 4105 7058');
		aadhaar.submitNumber();
		expect(aadhaar.stage).toBe('bank');
		expect(aadhaar.maskedAadhaar).toBe('XXXX XXXX 7058');
		expect(aadhaar.numberInput).toBe('');
		expect(aadhaar.errors).toEqual({});
	});

	it('asks for a bank from the hub’s list before the fingerprint', async () => {
		const { aadhaar } = session({});
		await settled();
		expect(aadhaar.banks).toEqual({ status: 'ready', banks: BANKS });
		aadhaar.typeNumber('999941057058');
		aadhaar.submitNumber();
		aadhaar.submitBank();
		expect(aadhaar.errors).toEqual({ bank: { id: 'payment.aadhaar.bank.required' } });
		aadhaar.chooseBank('607027');
		expect(aadhaar.errors).toEqual({});
		aadhaar.submitBank();
		expect(aadhaar.stage).toBe('finger');
		expect(aadhaar.bank?.name.en).toBe('Punjab National Bank');
	});

	it('tries the bank list again when the hub could not give it', async () => {
		const { aadhaar } = session({ banks: [null, BANKS] });
		await settled();
		expect(aadhaar.banks).toEqual({ status: 'failed' });
		await aadhaar.loadBanks();
		expect(aadhaar.banks).toEqual({ status: 'ready', banks: BANKS });
	});

	it('sends the number, the bank and the PID block untouched, and ends with the hub’s record', async () => {
		const { aadhaar, told, finished } = session({ script: { aadhaarPay: [done(posted)] }, captures: [captured] });
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(told).toEqual([{ command: 'aadhaarPay', args: [{ aadhaarNumber: '999941057058', bankIin: '607094', pidBlock: PID_DATA }] }]);
		expect(finished).toEqual([posted]);
		expect(aadhaar.stage).toBe('finished');
	});

	it('ends with the declined payment when the fingerprint does not match', async () => {
		const declined = awaiting({ status: 'cancelled', declineReason: 'biometric_mismatch' });
		const { aadhaar, finished } = session({ script: { aadhaarPay: [done(declined)] }, captures: [captured] });
		await atFinger(aadhaar, '499118665246');
		await aadhaar.scan();
		expect(finished).toEqual([declined]);
	});

	it('lets the citizen try again after a poor print or no finger, then pays', async () => {
		const poor = () => new PoorQualityError({ qScore: 10, errCode: null, errInfo: '' });
		const late = () => new CaptureTimeoutError('700');
		const { aadhaar, told, finished } = session({
			script: { aadhaarPay: [done(posted)] },
			captures: [poor, late, captured]
		});
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(aadhaar.fingerProblem).toEqual({ message: 'payment.aadhaar.finger.poorQuality', canRetry: true });
		await aadhaar.scan();
		expect(aadhaar.fingerProblem).toEqual({ message: 'payment.aadhaar.finger.timeout', canRetry: true });
		expect(told).toEqual([]);
		await aadhaar.scan();
		expect(finished).toEqual([posted]);
	});

	it('offers only cancelling when the scanner does not work, and says the device failed', async () => {
		const cancelled = awaiting({ status: 'cancelled', cancelReason: 'device_failed' });
		const { aadhaar, told, finished } = session({
			script: { cancel: [done(cancelled)] },
			captures: [() => new RdServiceNotFoundError([11100])]
		});
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(aadhaar.fingerProblem).toEqual({ message: 'payment.aadhaar.finger.broken', canRetry: false });
		await aadhaar.scan();
		expect(told).toEqual([]);
		await aadhaar.cancel();
		expect(told).toEqual([{ command: 'cancel', args: ['device_failed'] }]);
		expect(finished).toEqual([cancelled]);
	});

	it('sends the citizen back to the bank choice when the hub does not know the bank', async () => {
		const { aadhaar } = session({ script: { aadhaarPay: [{ kind: 'refused', code: 'unknown_bank' }] }, captures: [captured] });
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(aadhaar.stage).toBe('bank');
		expect(aadhaar.errors).toEqual({ bank: { id: 'payment.aadhaar.bank.unknown' } });
		expect(aadhaar.bankIin).toBeNull();
		expect(aadhaar.maskedAadhaar).toBe('XXXX XXXX 7058');
	});

	it('hands an unanswered payment to the collect step once', async () => {
		const { aadhaar, unsettled, finished } = session({ script: { aadhaarPay: [{ kind: 'unanswered' }] }, captures: [captured] });
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(unsettled).toEqual(['263260000077']);
		expect(finished).toEqual([]);
		await aadhaar.cancel();
		expect(unsettled).toHaveLength(1);
	});

	it('pays nothing when the citizen cancels while the scanner waits for a finger', async () => {
		const cancelled = awaiting({ status: 'cancelled', cancelReason: 'citizen' });
		const { aadhaar, told, finished, scanner } = session({ script: { cancel: [done(cancelled)] }, captures: [captured] });
		await atFinger(aadhaar);
		scanner.hold();
		const scanning = aadhaar.scan();
		expect(aadhaar.work).toBe('capturing');
		await aadhaar.cancel();
		scanner.release();
		await scanning;
		expect(told).toEqual([{ command: 'cancel', args: ['citizen'] }]);
		expect(finished).toEqual([cancelled]);
	});

	it('takes a new number after "Change", typed again from the start', async () => {
		const { aadhaar } = session({});
		await atFinger(aadhaar);
		aadhaar.changeNumber();
		expect(aadhaar.stage).toBe('number');
		expect(aadhaar.maskedAadhaar).toBeNull();
		expect(aadhaar.numberInput).toBe('');
		aadhaar.typeNumber('234123412346');
		aadhaar.submitNumber();
		// The bank was already chosen: straight back to the fingerprint.
		expect(aadhaar.stage).toBe('finger');
		expect(aadhaar.maskedAadhaar).toBe('XXXX XXXX 2346');
	});

	it('ends with the hub’s record when a refusal means the payment already ended', async () => {
		const cancelled = awaiting({ status: 'cancelled', cancelReason: 'abandoned' });
		const { aadhaar, finished } = session({
			script: { aadhaarPay: [{ kind: 'refused', code: 'payment_cancelled' }], current: [done(cancelled)] },
			captures: [captured]
		});
		await atFinger(aadhaar);
		await aadhaar.scan();
		expect(finished).toEqual([cancelled]);
	});

	it('ends at once with a payment that is no longer waiting', () => {
		const { finished } = session({ payment: posted });
		expect(finished).toEqual([posted]);
	});
});
