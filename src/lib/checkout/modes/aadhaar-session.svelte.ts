import type { FingerprintScanner } from '$lib/devices/fingerprint/fingerprint-scanner';
import type { PaymentHub } from '../payment-hub';
import type { CancelRequest, PaymentView } from '$lib/contract';
import { checkAadhaarNumber, fingerprintProblem, formatAadhaarInput, type AadhaarBank, type FingerprintProblem } from './aadhaar-form';
import type { Said } from './card-online-form';
import { SettlingSession, type SettlingSessionOptions } from './settling-session';

export type AadhaarStage = 'number' | 'bank' | 'finger' | 'finished';
/** What the session is waiting for: the scanner, the hub taking the money, or the hub cancelling. */
export type AadhaarWork = 'capturing' | 'paying' | 'cancelling' | null;
export type BankList = { status: 'loading' } | { status: 'ready'; banks: AadhaarBank[] } | { status: 'failed' };

export interface AadhaarSessionOptions extends SettlingSessionOptions {
	hub: Pick<PaymentHub, 'aadhaarPay' | 'cancel' | 'current'>;
	/** The fingerprint scanner, asked for only when the citizen is ready to give a finger. */
	scanner: () => FingerprintScanner;
	/** The banks the hub takes Aadhaar payments from; null when it could not say. */
	loadBanks: () => Promise<AadhaarBank[] | null>;
}

/**
 * One Aadhaar payment (AePS): the Aadhaar number → the bank → a fingerprint → the hub's final
 * record. The Aadhaar number is kept only here, in memory, and shown masked once it is valid;
 * the RD Service's PID block goes to the hub untouched. `onFinished` or `onUnsettled` is called
 * exactly once.
 */
export class AadhaarSession extends SettlingSession {
	stage = $state<AadhaarStage>('number');
	/** The Aadhaar number as it is being typed, grouped in fours. */
	numberInput = $state('');
	/** `XXXX XXXX 1234` once a valid number was given. */
	maskedAadhaar = $state<string | null>(null);
	banks = $state<BankList>({ status: 'loading' });
	bankIin = $state<string | null>(null);
	errors = $state<{ number?: Said; bank?: Said }>({});
	/** A problem nothing on the screen is to blame for (the hub could not answer). */
	problem = $state<Said | null>(null);
	fingerProblem = $state<FingerprintProblem | null>(null);
	work = $state<AadhaarWork>(null);

	readonly #options: AadhaarSessionOptions;
	readonly #payment: PaymentView;
	#aadhaar: string | null = null;
	/** Counts captures, so a capture the citizen walked away from is ignored when it ends. */
	#captures = 0;

	constructor(options: AadhaarSessionOptions) {
		super(options);
		this.#options = options;
		this.#payment = options.payment;
	}

	get bank(): AadhaarBank | null {
		return this.banks.status === 'ready' ? (this.banks.banks.find((bank) => bank.iin === this.bankIin) ?? null) : null;
	}

	/** Starts getting the bank list while the citizen types; a payment no longer waiting ends at once. */
	begin(): void {
		if (this.#payment.status !== 'awaiting_payment') {
			this.finish(this.#payment);
			return;
		}
		void this.loadBanks();
	}

	async loadBanks(): Promise<void> {
		this.banks = { status: 'loading' };
		const banks = await this.#options.loadBanks().catch(() => null);
		this.banks = banks ? { status: 'ready', banks } : { status: 'failed' };
	}

	typeNumber(text: string): void {
		this.numberInput = formatAadhaarInput(text);
	}

	submitNumber(): void {
		if (this.stage !== 'number' || this.work !== null) return;
		this.problem = null;
		const checked = checkAadhaarNumber(this.numberInput);
		if (!checked.ok) {
			this.errors = { number: { id: checked.error } };
			return;
		}
		this.errors = {};
		this.#aadhaar = checked.digits;
		this.maskedAadhaar = checked.masked;
		// Shown masked from now on: a bystander must not read it.
		this.numberInput = '';
		this.stage = this.bank ? 'finger' : 'bank';
	}

	/** "Change" the Aadhaar number: typed again from the start, never shown again in full. */
	changeNumber(): void {
		if (this.ended || this.#busy()) return;
		this.#aadhaar = null;
		this.maskedAadhaar = null;
		this.numberInput = '';
		this.#resetStage('number');
	}

	chooseBank(iin: string): void {
		this.bankIin = iin;
		if (this.errors.bank) this.errors = {};
	}

	submitBank(): void {
		if (this.stage !== 'bank' || this.work !== null) return;
		this.problem = null;
		if (!this.bank) {
			this.errors = { bank: { id: 'payment.aadhaar.bank.required' } };
			return;
		}
		this.errors = {};
		this.stage = 'finger';
	}

	changeBank(): void {
		if (this.ended || this.#busy()) return;
		this.#resetStage('bank');
	}

	/** "Scan fingerprint" / "Try again": one capture, then the payment with the PID block as it came. */
	async scan(): Promise<void> {
		if (this.stage !== 'finger' || this.work !== null || this.fingerProblem?.canRetry === false) return;
		const aadhaarNumber = this.#aadhaar;
		const bankIin = this.bank?.iin;
		if (aadhaarNumber === null || bankIin === undefined) return;
		this.problem = null;
		this.fingerProblem = null;
		this.work = 'capturing';
		const capture = ++this.#captures;
		const stillWanted = () => capture === this.#captures && this.work === 'capturing' && !this.ended;
		let pidBlock: string;
		try {
			pidBlock = (await this.#options.scanner().capture()).pidData;
		} catch (error) {
			if (stillWanted()) {
				this.work = null;
				this.fingerProblem = fingerprintProblem(error);
			}
			return;
		}
		// The citizen cancelled while the scanner waited for a finger: nothing is paid.
		if (!stillWanted()) return;
		this.work = 'paying';
		try {
			const result = await this.#options.hub.aadhaarPay(this.transactionId, { aadhaarNumber, bankIin, pidBlock });
			if (result.kind === 'unanswered') return this.unsettled();
			if (result.kind === 'refused' && result.code === 'unknown_bank') {
				this.bankIin = null;
				this.stage = 'bank';
				this.errors = { bank: { id: 'payment.aadhaar.bank.unknown' } };
				return;
			}
			if (result.kind === 'refused') return await this.#afterRefusal();
			if (result.view.status !== 'awaiting_payment') return this.finish(result.view);
			this.problem = { id: 'error.hubFailed' };
		} finally {
			if (this.work === 'paying') this.work = null;
		}
	}

	/**
	 * "Cancel payment": the hub cancels it and its record ends the screen. Allowed while the scanner
	 * waits for a finger (the capture is then ignored), never while the bank is being asked.
	 */
	async cancel(): Promise<void> {
		if (this.ended || this.work === 'paying' || this.work === 'cancelling') return;
		// A capture still running is ignored when it ends.
		this.#captures++;
		const reason: CancelRequest['reason'] = this.fingerProblem?.canRetry === false ? 'device_failed' : 'citizen';
		this.problem = null;
		this.work = 'cancelling';
		try {
			const result = await this.#options.hub.cancel(this.transactionId, reason);
			if (result.kind === 'unanswered') return this.unsettled();
			if (result.kind === 'refused') return await this.#afterRefusal();
			this.finish(result.view);
		} finally {
			if (this.work === 'cancelling') this.work = null;
		}
	}

	/** The hub refused for a reason that is not the citizen's: its own record says what now. */
	async #afterRefusal(): Promise<void> {
		const current = await this.#options.hub.current(this.transactionId);
		if (current.kind === 'done' && current.view.status !== 'awaiting_payment') return this.finish(current.view);
		this.problem = { id: current.kind === 'unanswered' ? 'error.hubUnreachable' : 'error.hubFailed' };
	}

	#busy(): boolean {
		return this.work !== null;
	}

	#resetStage(stage: 'number' | 'bank'): void {
		this.errors = {};
		this.problem = null;
		this.fingerProblem = null;
		this.stage = stage;
	}

	protected forget(): void {
		this.#aadhaar = null;
		this.numberInput = '';
		this.stage = 'finished';
		this.work = null;
		this.errors = {};
		this.problem = null;
	}
}
