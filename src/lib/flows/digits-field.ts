import type { MessageId } from '$lib/i18n/translate';
import type { FieldDef } from './types';
import { digitsSchema } from './validators';

/**
 * A number of a length the department fixes (a transaction ID, a roll number), typed on the keypad.
 * The schema and the words take the length from one place, so a hint that says "{min} to {max}
 * digits" (or "{length} digits") cannot disagree with what the kiosk accepts.
 */
export function digitsFieldDef(field: {
	name: string;
	label: MessageId;
	hint: MessageId;
	required: MessageId;
	format: MessageId;
	length: { readonly min: number; readonly max: number };
	/** Room for the spaces and hyphens people type between groups of digits, which the schema drops. */
	maxLength: number;
}): FieldDef {
	const { length, required, format, ...definition } = field;
	return {
		...definition,
		messageValues: length.min === length.max ? { length: length.min } : { min: length.min, max: length.max },
		keyboard: 'digits',
		schema: digitsSchema({ minLength: length.min, maxLength: length.max, required, format })
	};
}
