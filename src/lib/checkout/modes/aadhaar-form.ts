import * as v from 'valibot';
import { FingerprintError, type FingerprintFailure } from '$lib/devices/fingerprint/fingerprint-errors';
import {
	aadhaarBankList,
	type AadhaarBankList,
	aadhaarNumber,
	API_PATHS,
	isVerhoeffValid,
	type Locale,
	maskAadhaar,
	normaliseDigits
} from '$lib/contract';
import type { MessageId } from '$lib/i18n/translate';
import { callHub } from '$lib/machine/hub';
import { digitsOf, groupInFours } from './card-online-form';

/**
 * The Aadhaar-payment screen's rules, apart from the screen: the Aadhaar number as typed and as
 * shown, the bank list, and fingerprint problems in the citizen's words.
 */

export const AADHAAR_DIGITS = 12;
/** Twelve digits in three groups of four. */
export const AADHAAR_INPUT_MAX_LENGTH = AADHAAR_DIGITS + 2;

/** What the box shows while typing: "9999 4105 7058". */
export function formatAadhaarInput(text: string): string {
	return groupInFours(digitsOf(text, AADHAAR_DIGITS));
}

export type AadhaarCheck = { ok: true; digits: string; masked: string } | { ok: false; error: MessageId };

/** Twelve digits (spaces allowed), not starting with 0 or 1, with a right Verhoeff check digit. */
export function checkAadhaarNumber(text: string): AadhaarCheck {
	const digits = normaliseDigits(text).replace(/[\s-]/g, '');
	if (digits === '') return { ok: false, error: 'payment.aadhaar.number.required' };
	if (!/^\d{12}$/.test(digits)) return { ok: false, error: 'payment.aadhaar.number.format' };
	if (/^[01]/.test(digits)) return { ok: false, error: 'payment.aadhaar.number.firstDigit' };
	if (!isVerhoeffValid(digits)) return { ok: false, error: 'payment.aadhaar.number.checksum' };
	// The hub's own check; the rules above only word its failures.
	const checked = v.parse(aadhaarNumber, digits);
	return { ok: true, digits: checked, masked: maskAadhaar(checked) };
}

export type AadhaarBank = AadhaarBankList['banks'][number];

/** The bank's name in the screen's language, and in the other one (as on a passbook) with its language. */
export function bankNames(bank: AadhaarBank, locale: Locale): { name: string; other: { text: string; lang: Locale } | null } {
	const otherLocale: Locale = locale === 'hi' ? 'en' : 'hi';
	const name = bank.name[locale];
	const otherName = bank.name[otherLocale];
	return { name, other: otherName && otherName !== name ? { text: otherName, lang: otherLocale } : null };
}

/** The banks the hub can take an Aadhaar payment from; null when it could not say. */
export async function fetchAadhaarBanks(fetchImpl: typeof fetch): Promise<AadhaarBank[] | null> {
	const answer = await callHub(fetchImpl, API_PATHS.aadhaarBanks);
	if (answer.kind !== 'ok') return null;
	const parsed = v.safeParse(aadhaarBankList, answer.body);
	return parsed.success && parsed.output.banks.length > 0 ? parsed.output.banks : null;
}

/** A fingerprint that could not be taken, for the citizen: what to say and whether trying again can help. */
export interface FingerprintProblem {
	message: MessageId;
	canRetry: boolean;
}

const FINGERPRINT_PROBLEMS: Record<FingerprintFailure, FingerprintProblem> = {
	'poor-quality': { message: 'payment.aadhaar.finger.poorQuality', canRetry: true },
	'capture-timeout': { message: 'payment.aadhaar.finger.timeout', canRetry: true },
	// The citizen cannot mend the scanner or its RD Service: another way to pay is the way on.
	'not-found': { message: 'payment.aadhaar.finger.broken', canRetry: false },
	'not-ready': { message: 'payment.aadhaar.finger.broken', canRetry: false },
	'device-error': { message: 'payment.aadhaar.finger.broken', canRetry: false }
};

/** Anything the scanner threw, in the citizen's words (the operator's are `describeDeviceError`). */
export function fingerprintProblem(error: unknown): FingerprintProblem {
	return error instanceof FingerprintError ? FINGERPRINT_PROBLEMS[error.reason] : FINGERPRINT_PROBLEMS['device-error'];
}
