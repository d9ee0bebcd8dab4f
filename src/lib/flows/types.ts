import type * as v from 'valibot';
import type { Locale } from '$lib/i18n/locales';
import type { MessageId, MessageValues, Translate } from '$lib/i18n/translate';

/** The main menu's three groups; a service appears in exactly one. */
export const MENUS = ['government', 'bills', 'video'] as const;
export type MenuId = (typeof MENUS)[number];

/**
 * A field's schema cleans what the citizen typed (Devanagari digits, spaces) and validates it.
 * Its issue messages are message ids, so the same schema gives the kiosk's words and the hub's codes.
 */
export type FieldSchema = v.GenericSchema<string, string>;

export interface FieldDef {
	name: string;
	label: MessageId;
	hint?: MessageId;
	/** Values for the label, hint and error messages, e.g. `{ min: 8, max: 12 }`. */
	messageValues?: MessageValues;
	/** Which on-screen keyboard the field uses. */
	keyboard: 'digits';
	maxLength: number;
	schema: FieldSchema;
}

/** How the flow words a hub refusal: a machine-readable code becomes a message at one field. */
export interface LookupErrorMessage {
	field: string;
	message: MessageId;
}

export interface FormStep {
	kind: 'form';
	id: string;
	/** The question is the page heading (one question per screen). */
	question: MessageId;
	fields: FieldDef[];
	submitLabel: MessageId;
	/** When present, Continue asks the hub and the answer is kept for the result step. */
	lookup?: { errors: Record<string, LookupErrorMessage> };
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
	note?: { title: MessageId; body: MessageId };
}

export type ResultAction = { kind: 'restart'; label: MessageId } | { kind: 'finish'; label: MessageId };

export interface ResultStep<Result = unknown> {
	kind: 'result';
	id: string;
	title: MessageId;
	/** The form step whose hub lookup this step shows. */
	lookupStep: string;
	/** The kiosk checks the hub's answer against this before showing it. */
	schema: v.GenericSchema<unknown, Result>;
	view: (result: Result, context: { t: Translate; locale: Locale }) => ResultView;
	actions: ResultAction[];
}

/** "Check your answers" before anything is paid or submitted. */
export interface ConfirmStep {
	kind: 'confirm';
	id: string;
}

export const PAYMENT_MODES = ['cash', 'card', 'cardOnline', 'aadhaar'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** The citizen chooses how to pay; the payment core takes over from the chosen mode. */
export interface PaymentStep {
	kind: 'payment';
	id: string;
	amountPaise: (answers: FlowAnswers) => number;
	modes: readonly PaymentMode[];
}

export interface DoneStep {
	kind: 'done';
	id: string;
	body: MessageId;
}

export type Step = FormStep | ResultStep<never> | ConfirmStep | PaymentStep | DoneStep;

/** What the citizen has entered so far, by step id then field name. */
export type FlowAnswers = Record<string, Record<string, string>>;

export interface Flow {
	id: string;
	menu: MenuId;
	title: MessageId;
	icon: IconName;
	steps: readonly Step[];
}

export type IconName = 'government' | 'bills' | 'video' | 'status';

/** Lets a result step keep its own result type inside a flow's step list. */
export function resultStep<Result>(step: ResultStep<Result>): ResultStep<never> {
	return step as unknown as ResultStep<never>;
}
