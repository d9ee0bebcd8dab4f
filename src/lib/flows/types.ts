import type * as v from 'valibot';
import type { Component } from 'svelte';
import type { Receipt } from '$lib/devices/receipt-printer/receipt';
import type {
	BillQuote,
	ChoiceOption,
	CreatePaymentRequest,
	Locale,
	PaymentMode,
	PrintableDocument,
	PrintOrderRequest
} from '$lib/contract';
import type { MessageId, MessageValues, Translate } from '$lib/i18n/translate';

/** The main menu's three groups; a service appears in exactly one. */
export const MENUS = ['government', 'bills', 'video'] as const;
export type MenuId = (typeof MENUS)[number];

/**
 * Words on a screen: a message from the catalogues, or text the hub supplies in both languages
 * (a biller's name, the label of its consumer number).
 */
export type Wording = MessageId | { en: string; hi: string };

/** Says a wording in the screen's language. */
export function say(t: Translate, locale: Locale, wording: Wording, values?: MessageValues): string {
	return typeof wording === 'string' ? t(wording, values) : wording[locale];
}

/**
 * A field's schema cleans what the citizen typed (Devanagari digits, spaces) and validates it.
 * Its issue messages are message ids, so the same schema gives the kiosk's words and the hub's codes.
 */
export type FieldSchema = v.GenericSchema<string, string | undefined>;

export interface FieldDef {
	name: string;
	label: Wording;
	hint?: MessageId;
	/** Values for the label, hint and error messages, e.g. `{ min: 8, max: 12 }`. */
	messageValues?: MessageValues;
	/** Which on-screen keyboard the field uses; `khasra`: digits and a slash, e.g. 123/45. */
	keyboard: 'digits' | 'email' | 'khasra';
	/** Shown as "(optional)"; the schema accepts a blank answer. */
	optional?: boolean;
	maxLength: number;
	schema: FieldSchema;
}

/** How the flow words a hub refusal: at a field, or above the form when no field is to blame. */
export interface LookupErrorMessage {
	field?: string;
	message: MessageId;
}

export interface FormStep {
	kind: 'form';
	id: string;
	/** The question is the page heading (one question per screen). */
	question: Wording;
	fields: FieldDef[];
	submitLabel: MessageId;
	/** When present, Continue asks the hub and the answer is kept for the result step. */
	lookup?: {
		/**
		 * Where to ask; the service's own lookup endpoint unless the flow names another. Earlier
		 * answers (a choice made on a screen before) may go with the values.
		 */
		request?: (values: Record<string, string>, answers: FlowAnswers) => { path: string; body: unknown };
		errors: Record<string, LookupErrorMessage>;
		/**
		 * Answers kept on this kiosk for when the hub is unreachable (a consumer's bill): each answer
		 * is kept, and found again by the same values, with the time the hub gave it.
		 */
		offline?: {
			keep: (result: unknown, fetchedAt: Date) => void;
			find: (values: Record<string, string>) => { result: unknown; fetchedAt: string } | undefined;
		};
	};
}

export interface ResultRow {
	label: MessageId;
	value: string;
	/** Set when the value is in a script other than the page's, for screen readers and fonts. */
	lang?: Locale;
	emphasis?: boolean;
}

export interface ResultView {
	rows: ResultRow[];
	note?: { title: MessageId; body: MessageId; values?: MessageValues };
}

export type ResultAction =
	{ kind: 'restart'; label: MessageId } | { kind: 'finish'; label: MessageId } | { kind: 'continue'; label: MessageId };

export interface ResultStep<Result = unknown> {
	kind: 'result';
	id: string;
	title: MessageId;
	/** The form step whose hub lookup this step shows. */
	lookupStep: string;
	/** The kiosk checks the hub's answer against this before showing it. */
	schema: v.GenericSchema<unknown, Result>;
	/** The result as rows; or, for a document (a certificate, a land record), as the document itself. */
	view?: (result: Result, context: { t: Translate; locale: Locale }) => ResultView;
	document?: Component<{ result: Result; t: Translate; locale: Locale }>;
	actions: ResultAction[];
}

/** "Check your answers" before anything is paid or submitted. */
export interface ConfirmStep {
	kind: 'confirm';
	id: string;
}

/** The citizen chooses how to pay, from the modes the hub's quote (a lookup result) offers. */
export interface PaymentStep {
	kind: 'payment';
	id: string;
	/** The form step whose lookup returned the quote. */
	quoteStep: string;
}

/**
 * The chosen mode takes the money: notes into the acceptor, the card terminal, card online with
 * OTP, or Aadhaar and fingerprint. It ends with the hub's record of the payment.
 */
export interface CollectStep {
	kind: 'collect';
	id: string;
	quoteStep: string;
	paymentStep: string;
	/** The hub payment to start, from the citizen's answers, the quote and the chosen mode. */
	createPayment: (context: { answers: FlowAnswers; quote: BillQuote; mode: PaymentMode; locale: Locale }) => CreatePaymentRequest;
}

/** The end of a flow: for a paid service, the outcome and the receipt of its collect step. */
export interface DoneStep {
	kind: 'done';
	id: string;
	body: MessageId;
	/** The collect step whose payment this step reports. */
	collectStep?: string;
	/** Said at the end of the payment's receipt, when it is paid (a free reprint with its transaction ID). */
	paidReceiptNote?: MessageId;
	/** A thermal receipt for a service without payment (a Jan Aadhaar change), printed once. */
	receipt?: (wizard: { answers: FlowAnswers; results: Record<string, unknown> }, locale: Locale) => Receipt | undefined;
}

/**
 * One choice from a list, as tiles (a few: certificate types, family members) or as a searchable
 * list that scrolls by touch (many: districts, tehsils, villages, years).
 */
export interface ChoiceStep {
	kind: 'choice';
	id: string;
	question: MessageId;
	hint?: MessageId;
	display: 'tiles' | 'list';
	/** A hub reference list (its path may depend on earlier choices), or a lookup's result. */
	options:
		| { reference: (answers: FlowAnswers) => string }
		| { fromResult: string; pick: (result: unknown, context: { t: Translate; locale: Locale }) => ChoiceOption[] };
	/** Said when the list is empty. */
	empty: MessageId;
}

/**
 * "Do you want a print?" with the fee: yes opens a print order at the hub, whose answer is the
 * quote the payment and collect steps take.
 */
export interface PrintOrderStep {
	kind: 'print-order';
	id: string;
	question: MessageId;
	/** The document to print, from the citizen's answers and lookups. */
	document: (wizard: { answers: FlowAnswers; results: Record<string, unknown> }) => PrintOrderRequest['document'] | undefined;
}

/** Prints a paid document on the A4 printer, as often as it takes, free after the first payment. */
export interface PrintStep {
	kind: 'print';
	id: string;
	/** The paid order, the document it prints and the receipt's reference (for a reprint later). */
	order: (wizard: {
		answers: FlowAnswers;
		results: Record<string, unknown>;
	}) => { orderId: string; document: PrintableDocument; receiptReference: string } | undefined;
}

/** An OTP sent to a number and the citizen's fingerprint, then the hub's answer. */
export interface OtpFingerprintStep {
	kind: 'otp-fingerprint';
	id: string;
	/** Starts the request at the hub, which sends the OTP. */
	start: (wizard: { answers: FlowAnswers; results: Record<string, unknown> }, locale: Locale) => { path: string; body: unknown };
	/** Where the OTP and the PID block go, for the started request's id. */
	verifyPath: (startedId: string) => string;
}

export type Step =
	| FormStep
	| ResultStep<never>
	| ConfirmStep
	| PaymentStep
	| CollectStep
	| DoneStep
	| ChoiceStep
	| PrintOrderStep
	| PrintStep
	| OtpFingerprintStep;

/** What the citizen has entered so far, by step id then field name. */
export type FlowAnswers = Record<string, Record<string, string>>;

export type IconName =
	'government' | 'bills' | 'video' | 'status' | 'water' | 'electricity' | 'phone' | 'certificate' | 'exam' | 'land' | 'family' | 'print';

export interface Flow {
	id: string;
	menu: MenuId;
	title: Wording;
	icon: IconName;
	steps: readonly Step[];
	/** False while the hub says the service cannot be used (a biller's system is down). */
	available?: boolean;
	/** The service still works while the hub is unreachable (cash bill payment for a known bill). */
	worksOffline?: boolean;
}

/** Lets a result step keep its own result type inside a flow's step list. */
export function resultStep<Result>(step: ResultStep<Result>): ResultStep<never> {
	return step as unknown as ResultStep<never>;
}
