import * as v from 'valibot';
import type { MessageId } from '$lib/i18n/translate';
import { cleanNumberInput } from '$lib/i18n/digits';
import type { FieldSchema } from './types';

/**
 * A number the citizen types on the keypad (IDs, account numbers): Devanagari digits, spaces and
 * hyphens are accepted and cleaned; the messages are the field's own words.
 */
export function digitsSchema(rule: {
	minLength: number;
	maxLength: number;
	required: MessageId;
	format: MessageId;
}): FieldSchema {
	const pattern = new RegExp(`^\\d{${rule.minLength},${rule.maxLength}}$`);
	return v.pipe(
		v.string(),
		v.transform(cleanNumberInput),
		v.nonEmpty(rule.required),
		v.regex(pattern, rule.format)
	);
}
