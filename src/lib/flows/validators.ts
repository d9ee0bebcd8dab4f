import * as v from 'valibot';
import type { MessageId } from '$lib/i18n/translate';
import { cleanNumberInput, withoutIndiaPrefix } from '$lib/contract';
import type { FieldSchema } from './types';

/** A blank answer to an optional field counts as no answer. */
const blankAsNone = (text: string) => (text === '' ? undefined : text);

/**
 * A number the citizen types on the keypad (IDs, account numbers): Devanagari digits, spaces and
 * hyphens are accepted and cleaned; the messages are the field's own words.
 */
export function digitsSchema(rule: { minLength: number; maxLength: number; required: MessageId; format: MessageId }): FieldSchema {
	return patternSchema({ pattern: new RegExp(`^\\d{${rule.minLength},${rule.maxLength}}$`), ...rule });
}

/** Like `digitsSchema`, for a pattern that comes from configuration (a biller's consumer number). */
export function patternSchema(rule: { pattern: RegExp; required: MessageId; format: MessageId }): FieldSchema {
	return v.pipe(v.string(), v.transform(cleanNumberInput), v.nonEmpty(rule.required), v.regex(rule.pattern, rule.format));
}

/** An Indian mobile number: 10 digits from 6 to 9, with any +91, 91 or 0 in front dropped. */
export function mobileSchema(rule: { required: MessageId | null; format: MessageId }): FieldSchema {
	const number = v.pipe(v.string(), v.regex(/^[6-9]\d{9}$/, rule.format));
	const cleaned = v.pipe(
		v.string(),
		v.transform((text) => withoutIndiaPrefix(cleanNumberInput(text)))
	);
	return rule.required
		? v.pipe(cleaned, v.nonEmpty(rule.required), number)
		: v.pipe(cleaned, v.transform(blankAsNone), v.optional(number));
}

/** An e-mail address, checked only when one is given ("leave blank if you have none"). */
export function optionalEmailSchema(format: MessageId): FieldSchema {
	return v.pipe(
		v.string(),
		v.transform((text) => text.trim()),
		v.transform(blankAsNone),
		v.optional(v.pipe(v.string(), v.maxLength(254, format), v.email(format)))
	);
}
