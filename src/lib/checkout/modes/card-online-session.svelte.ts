import type { CommandResult, PaymentHub } from '../payment-hub';
import type { PaymentView } from '$lib/contract';
import { SettlingSession, type SettlingSessionOptions } from './settling-session';
import { cardRefusalAtField, checkCardForm, checkOtp, formatCardInput, otpProblem, type CardField, type Said } from './card-online-form';

export type CardOnlineStage = 'card' | 'otp' | 'finished';
export type CardOnlineInput = CardField | 'otp';
/** What the session is waiting for the hub to do. */
export type CardOnlineWork = 'starting' | 'confirming' | 'cancelling' | null;

export interface CardOnlineSessionOptions extends SettlingSessionOptions {
	hub: Pick<PaymentHub, 'cardOnlineStart' | 'cardOnlineOtp' | 'cancel' | 'current'>;
}

/**
 * One card-online payment: card number and expiry → the issuer sends an OTP → the OTP → the
 * hub's final record. The full card number lives only here, in memory, and is forgotten as soon
 * as the hub has it. `onFinished` or `onUnsettled` is called exactly once.
 */
export class CardOnlineSession extends SettlingSession {
	stage = $state<CardOnlineStage>('card');
	values = $state<Record<CardOnlineInput, string>>({ cardNumber: '', expiryMonth: '', expiryYear: '', otp: '' });
	/** Problems with what was typed, each said at its box. */
	errors = $state<Partial<Record<CardOnlineInput, Said>>>({});
	/** A problem no box is to blame for (the hub could not answer). */
	problem = $state<Said | null>(null);
	work = $state<CardOnlineWork>(null);
	/** The hub's latest record: after the start it has the card charge and the masked card. */
	view: PaymentView;

	readonly #options: CardOnlineSessionOptions;

	constructor(options: CardOnlineSessionOptions) {
		super(options);
		this.#options = options;
		this.view = $state.raw(options.payment);
		// After a reload the OTP may already have been sent: carry on from there.
		if (options.payment.otp !== null) {
			this.stage = 'otp';
			const wrong = otpProblem(options.payment);
			if (wrong) this.errors = { otp: wrong };
		}
	}

	/** A payment that is no longer waiting (decided while the kiosk was away) ends at once. */
	begin(): void {
		if (this.view.status !== 'awaiting_payment') this.finish(this.view);
	}

	/** What a box shows after the citizen typed into it. */
	type(field: CardOnlineInput, text: string): void {
		this.values[field] = formatCardInput(field, text);
	}

	async submitCard(): Promise<void> {
		if (this.work !== null || this.stage !== 'card') return;
		this.problem = null;
		const checked = checkCardForm(this.values);
		if (!checked.ok) {
			this.errors = Object.fromEntries(Object.entries(checked.errors).map(([field, id]) => [field, { id }]));
			return;
		}
		this.errors = {};
		this.work = 'starting';
		try {
			const result = await this.#options.hub.cardOnlineStart(this.transactionId, checked.card);
			if (result.kind === 'refused') {
				const atField = cardRefusalAtField(result.code);
				if (atField) this.errors = { [atField.field]: { id: atField.message } };
				else await this.#afterRefusal();
				return;
			}
			this.#forgetCard();
			if (result.kind === 'unanswered') return this.unsettled();
			this.view = result.view;
			if (result.view.status !== 'awaiting_payment') return this.finish(result.view);
			if (result.view.otp === null) {
				this.problem = { id: 'error.hubFailed' };
				return;
			}
			this.values.otp = '';
			this.stage = 'otp';
		} finally {
			this.work = null;
		}
	}

	async submitOtp(): Promise<void> {
		if (this.work !== null || this.stage !== 'otp') return;
		this.problem = null;
		const checked = checkOtp(this.values.otp);
		if (!checked.ok) {
			this.errors = { otp: { id: checked.error } };
			return;
		}
		this.errors = {};
		this.work = 'confirming';
		try {
			const result = await this.#options.hub.cardOnlineOtp(this.transactionId, checked.value);
			if (result.kind === 'unanswered') return this.unsettled();
			if (result.kind === 'refused') return await this.#afterRefusal();
			this.#carryOn(result.view);
		} finally {
			this.work = null;
		}
	}

	/** "Cancel payment": the hub cancels it (nothing was charged) and its record ends the screen. */
	async cancel(): Promise<void> {
		if (this.work !== null || this.ended) return;
		this.problem = null;
		this.work = 'cancelling';
		try {
			const result: CommandResult = await this.#options.hub.cancel(this.transactionId, 'citizen');
			if (result.kind === 'unanswered') return this.unsettled();
			if (result.kind === 'refused') return await this.#afterRefusal();
			this.finish(result.view);
		} finally {
			this.work = null;
		}
	}

	/** The hub refused for a reason that is not about what was typed: its own record says what now. */
	async #afterRefusal(): Promise<void> {
		const current = await this.#options.hub.current(this.transactionId);
		if (current.kind !== 'done') {
			this.problem = { id: current.kind === 'unanswered' ? 'error.hubUnreachable' : 'error.hubFailed' };
			return;
		}
		this.#carryOn(current.view);
	}

	/** Goes where the hub's record says: ended, the OTP screen, or back to the card. */
	#carryOn(view: PaymentView, otherwise: Said = { id: 'error.hubFailed' }): void {
		this.view = view;
		if (view.status !== 'awaiting_payment') return this.finish(view);
		if (view.otp === null) {
			if (this.stage === 'otp') {
				// The gateway's OTP session is gone: the card has to be typed again.
				this.stage = 'card';
				this.values.otp = '';
				this.problem = { id: 'payment.cardOnline.sessionLost' };
			} else {
				this.problem = otherwise;
			}
			return;
		}
		this.stage = 'otp';
		const wrong = otpProblem(view);
		if (wrong) {
			this.errors = { otp: wrong };
			// A one-time code is typed again from the SMS, not mended: the box is ready for it.
			this.values.otp = '';
		} else {
			this.problem = otherwise;
		}
	}

	#forgetCard(): void {
		this.values.cardNumber = '';
		this.values.expiryMonth = '';
		this.values.expiryYear = '';
	}

	protected forget(): void {
		this.stage = 'finished';
		this.#forgetCard();
		this.values.otp = '';
		this.errors = {};
		this.problem = null;
	}
}
