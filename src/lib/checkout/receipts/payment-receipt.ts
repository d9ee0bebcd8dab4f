import type { Receipt, ReceiptBlock } from '$lib/devices/receipt-printer/receipt';
import {
	formatDate,
	formatDateTime,
	formatRupees,
	type Locale,
	maskAadhaar,
	maskCardNumber,
	type PaymentMode,
	type PaymentView
} from '$lib/contract';
import { translator, type MessageId, type Translate } from '$lib/i18n/translate';

/**
 * The thermal receipt of a bill payment, in the citizen's language, for every way a payment can
 * end. Money the kiosk took is always on it: what paid the bill, what was credited to the next
 * bill, what became a voucher, and what goes back to a card or bank account and by when.
 */

export interface PaymentReceiptOptions {
	locale: Locale;
	/** A payment taken while the hub was unreachable, waiting in the kiosk's outbox. */
	queuedReference?: string;
	/** What the service says on its own receipt, e.g. that a failed print is printed again free. */
	serviceNote?: string;
}

export interface NoteCount {
	valuePaise: number;
	count: number;
}

/** How a payment ended, as the citizen needs to hear it. */
type Outcome =
	/** The biller has the money. */
	| 'posted'
	/** The money is in; the hub keeps posting it to the biller until it is accepted. */
	| 'pending'
	/** Cancelled after some cash went in: that cash is a credit (and a voucher), never lost. */
	| 'cashKept'
	/** The card issuer or the bank refused: nothing was taken. */
	| 'declined'
	/** Cancelled with nothing taken. */
	| 'cancelled'
	/** Card or Aadhaar money taken but not used for the bill: it goes back. */
	| 'reversed';

const MODE_LABEL: Record<PaymentMode, MessageId> = {
	cash: 'receipt.mode.cash',
	card: 'receipt.mode.card',
	cardOnline: 'receipt.mode.cardOnline',
	aadhaar: 'receipt.mode.aadhaar'
};

/** The notes of a cash payment, largest first: [₹20, ₹500, ₹20] → ₹500 × 1, ₹20 × 2. */
export function summariseNotes(notes: readonly { valuePaise: number }[]): NoteCount[] {
	const counts = new Map<number, number>();
	for (const { valuePaise } of notes) counts.set(valuePaise, (counts.get(valuePaise) ?? 0) + 1);
	return [...counts].map(([valuePaise, count]) => ({ valuePaise, count })).sort((a, b) => b.valuePaise - a.valuePaise);
}

/**
 * The receipt for a payment that has ended (paid, posted, cancelled or reversed); a payment still
 * waiting for money, or a reversal the hub has no record of, is refused with a RangeError.
 */
export function paymentReceipt(view: PaymentView, options: PaymentReceiptOptions): Receipt {
	const outcome = outcomeOf(view);
	const writer = new ReceiptWriter(view, options.locale);
	const { queuedReference } = options;
	return {
		blocks: [
			...writer.header(),
			...(queuedReference === undefined ? [] : writer.queued(queuedReference)),
			...writer.headline(outcome),
			{ kind: 'divider' },
			...writer.bill(),
			{ kind: 'divider' },
			...writer.money(outcome),
			{ kind: 'divider' },
			...writer.footer(outcome, queuedReference !== undefined),
			...(options.serviceNote === undefined
				? []
				: [{ kind: 'divider' } as const, { kind: 'text', text: options.serviceNote, bold: true } as const]),
			{ kind: 'cut' }
		]
	};
}

function outcomeOf(view: PaymentView): Outcome {
	switch (view.status) {
		case 'posted':
			return 'posted';
		case 'paid':
			return 'pending';
		case 'reversed':
			return 'reversed';
		case 'cancelled':
			if (view.amounts.collectedPaise > 0) return 'cashKept';
			return view.cancelReason === 'declined' ? 'declined' : 'cancelled';
		case 'created':
		case 'awaiting_payment':
			// A receipt for money still coming in would tell the citizen something not yet true.
			throw new RangeError(`Payment ${view.transactionId} is ${view.status}: it has no outcome to print`);
	}
}

/** Where card or Aadhaar money goes back to, for the `refundTo` select in the messages. */
function refundTo(mode: PaymentMode): 'card' | 'account' {
	return mode === 'card' || mode === 'cardOnline' ? 'card' : 'account';
}

/**
 * The card or Aadhaar number as printed. The hub sends them masked; they are masked here again
 * because paper is the one place a leak cannot be taken back (PCI DSS: at most the first six and
 * last four digits of a card; UIDAI: the last four digits of an Aadhaar number).
 */
function maskedInstrument(mode: PaymentMode, masked: string): string {
	const digits = masked.replace(/\D/g, '');
	if (mode === 'aadhaar') return digits.length > 4 ? maskAadhaar(digits) : masked;
	return digits.length > 10 ? maskCardNumber(digits) : masked;
}

const text = (content: string, style: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock => ({
	kind: 'text',
	text: content,
	...style
});

const row = (label: string, value: string, bold = false): ReceiptBlock =>
	bold ? { kind: 'row', label, value, bold } : { kind: 'row', label, value };

/** The receipt's sections, each a list of blocks in the citizen's language. */
class ReceiptWriter {
	readonly #view: PaymentView;
	readonly #locale: Locale;
	readonly #t: Translate;

	constructor(view: PaymentView, locale: Locale) {
		this.#view = view;
		this.#locale = locale;
		this.#t = translator(locale);
	}

	#rupees(paise: number): string {
		return formatRupees(paise, this.#locale);
	}

	header(): ReceiptBlock[] {
		return [
			text('e-Mitra+', { align: 'center', bold: true, size: 2 }),
			text(this.#t('receipt.title'), { align: 'center', bold: true })
		];
	}

	queued(reference: string): ReceiptBlock[] {
		return [
			{ kind: 'divider' },
			text(this.#t('receipt.queued.reference', { reference }), { align: 'center', bold: true }),
			text(this.#t('receipt.queued.body'))
		];
	}

	headline(outcome: Outcome): ReceiptBlock[] {
		const t = this.#t;
		const view = this.#view;
		const title = (id: MessageId) => text(t(id), { align: 'center', bold: true, size: 2 });
		switch (outcome) {
			case 'posted':
				return [{ kind: 'divider' }, title('receipt.posted.title'), text(t('receipt.posted.body'))];
			case 'pending':
				return [
					{ kind: 'divider' },
					title('receipt.pending.title'),
					text(t('receipt.pending.body')),
					// Card and Aadhaar money the biller refuses is reversed; cash is posted until it is taken.
					...(view.mode === 'cash' ? [] : [text(t('receipt.pending.chargeBack', { refundTo: refundTo(view.mode) }))])
				];
			case 'cashKept':
				return [
					{ kind: 'divider' },
					title('receipt.notCompleted.title'),
					text(t('receipt.cancelReason', { reason: view.cancelReason ?? 'unknown' })),
					text(t('receipt.billNotPaid'))
				];
			case 'declined':
				return [
					{ kind: 'divider' },
					title('receipt.declined.title'),
					text(t('receipt.declineReason', { reason: view.declineReason ?? 'unknown' })),
					text(t('receipt.nothingCharged'))
				];
			case 'cancelled':
				return [
					{ kind: 'divider' },
					title('receipt.cancelled.title'),
					text(t('receipt.cancelReason', { reason: view.cancelReason ?? 'unknown' })),
					text(t('receipt.nothingCharged'))
				];
			case 'reversed': {
				const reversal = this.#reversal();
				return [
					{ kind: 'divider' },
					title('receipt.reversed.title'),
					text(t('receipt.reversalReason', { reason: reversal.reason })),
					text(
						t('receipt.reversed.body', {
							amount: this.#rupees(reversal.amountPaise),
							refundTo: refundTo(view.mode),
							date: formatDate(reversal.expectedBy, this.#locale)
						}),
						{ bold: true }
					)
				];
			}
		}
	}

	bill(): ReceiptBlock[] {
		const t = this.#t;
		const view = this.#view;
		return [
			text(t('receipt.transactionId'), { align: 'center' }),
			text(view.transactionId, { align: 'center', bold: true, size: 2 }),
			text(view.biller.name[this.#locale], { bold: true }),
			// The full number is the citizen's own and what the biller knows them by; the name stays masked.
			row(t('receipt.consumerNumber'), view.consumer.identifier),
			row(t('receipt.consumerName'), view.consumer.nameMasked),
			row(t('receipt.billNumber'), view.bill.billNumber),
			row(t('receipt.dueDate'), formatDate(view.bill.dueDate, this.#locale))
		];
	}

	money(outcome: Outcome): ReceiptBlock[] {
		const t = this.#t;
		const { amounts, mode } = this.#view;
		const billAmount = row(t('receipt.billAmount'), this.#rupees(amounts.billPaise));
		const paymentMode = row(t('receipt.paymentMode'), t(MODE_LABEL[mode]));
		switch (outcome) {
			case 'posted':
			case 'pending':
				return [
					billAmount,
					...(amounts.creditAppliedPaise > 0
						? [row(t('receipt.creditApplied'), `-${this.#rupees(amounts.creditAppliedPaise)}`)]
						: []),
					...(amounts.feePaise > 0 ? [row(t('receipt.fee'), this.#rupees(amounts.feePaise))] : []),
					row(t('receipt.amountPaid'), this.#rupees(amounts.collectedPaise), true),
					paymentMode,
					...this.#howPaid(),
					...(amounts.creditedPaise > 0 ? [row(t('receipt.creditedNextBill'), this.#rupees(amounts.creditedPaise), true)] : []),
					...this.#vouchers()
				];
			case 'cashKept':
				return [
					billAmount,
					row(t('receipt.cashInserted'), this.#rupees(amounts.collectedPaise), true),
					...this.#howPaid(),
					...this.#vouchers(),
					text(t('receipt.creditKept', { amount: this.#rupees(amounts.creditedPaise) })),
					text(t(this.#view.vouchers.length > 0 ? 'receipt.refund.voucher' : 'receipt.refund.receipt'))
				];
			case 'declined':
			case 'cancelled':
				return [billAmount, paymentMode, ...this.#howPaid()];
			case 'reversed': {
				const reversal = this.#reversal();
				return [
					billAmount,
					row(t('receipt.amountCharged'), this.#rupees(amounts.collectedPaise)),
					paymentMode,
					...this.#howPaid(),
					row(t('receipt.amountReturning'), this.#rupees(reversal.amountPaise), true),
					row(t('receipt.returnBy'), formatDate(reversal.expectedBy, this.#locale), true),
					...(this.#view.instrument?.rrn ? [text(t('receipt.reversed.bankHelp'))] : [])
				];
			}
		}
	}

	footer(outcome: Outcome, queued: boolean): ReceiptBlock[] {
		const t = this.#t;
		const view = this.#view;
		const smsGoesOut = outcome === 'posted' || outcome === 'pending' || outcome === 'reversed';
		return [
			...(view.posting.billerReference ? [row(t('receipt.billerReference'), view.posting.billerReference)] : []),
			row(t('receipt.kioskCode'), view.kioskCode),
			row(t('receipt.dateTime'), formatDateTime(this.#decidedAt(), this.#locale)),
			// The hub cannot vouch for a queued payment yet: its code would call a good receipt unknown.
			...(queued
				? []
				: [
						{ kind: 'qr', payload: view.verificationUrl } satisfies ReceiptBlock,
						text(t('receipt.scanToVerify'), { align: 'center' })
					]),
			// The hub sends the SMS when the bill is posted or the money is reversed, never otherwise.
			...(smsGoesOut ? [text(t('receipt.sms'), { align: 'center' })] : [])
		];
	}

	/** Notes for cash; the masked card or Aadhaar number and the bank's references otherwise. */
	#howPaid(): ReceiptBlock[] {
		const t = this.#t;
		const { mode, notes, instrument } = this.#view;
		if (mode === 'cash') {
			if (notes.length === 0) return [];
			const listed = summariseNotes(notes)
				.map((note) => `${this.#rupees(note.valuePaise)} × ${note.count}`)
				.join(', ');
			return [text(t('receipt.notes', { notes: listed }))];
		}
		if (instrument === null) return [];
		const masked = maskedInstrument(mode, instrument.masked);
		const references = [
			...(mode !== 'aadhaar' && instrument.authCode ? [row(t('receipt.authCode'), instrument.authCode)] : []),
			...(instrument.rrn ? [row(t('receipt.rrn'), instrument.rrn)] : [])
		];
		if (mode === 'aadhaar') {
			return [
				row(t('receipt.aadhaar'), masked),
				...(instrument.label ? [row(t('receipt.bank'), instrument.label)] : []),
				...references
			];
		}
		const card = instrument.label ? `${instrument.label.toUpperCase()} ${masked}` : masked;
		return [row(t('receipt.card'), card), ...references];
	}

	#vouchers(): ReceiptBlock[] {
		return this.#view.vouchers.map((voucher) =>
			row(this.#t('receipt.voucher', { code: voucher.code }), this.#rupees(voucher.amountPaise), true)
		);
	}

	#reversal(): NonNullable<PaymentView['reversal']> {
		const { reversal, transactionId } = this.#view;
		// The hub writes the reversal with the status change; without it there is no date to promise.
		if (reversal === null) throw new RangeError(`Reversed payment ${transactionId} has no reversal record`);
		return reversal;
	}

	/** When the outcome happened: closed (cancelled, reversed), else posted, else paid. */
	#decidedAt(): string {
		const view = this.#view;
		return view.closedAt ?? view.postedAt ?? view.paidAt ?? view.createdAt;
	}
}
