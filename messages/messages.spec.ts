import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from './en.json';
import hi from './hi.json';

/** The names of every ICU argument in a message, including inside plural and select branches. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
	for (const element of elements) {
		if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
		names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
		if (element.type === TYPE.plural || element.type === TYPE.select) {
			for (const option of Object.values(element.options)) argumentNames(option.value, names);
		}
		if (element.type === TYPE.tag) argumentNames(element.children, names);
	}
	return names;
}

const catalogues: Record<string, Record<string, string>> = { en, hi };

describe('message catalogues', () => {
	it('have the same keys in Hindi and English', () => {
		expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(Object.keys(en))('%s has the same placeholders in both languages', (key) => {
		const [english, hindi] = [en, hi].map((catalogue) =>
			[...argumentNames(parse((catalogue as Record<string, string>)[key] ?? ''))].sort()
		);
		expect(hindi).toEqual(english);
	});

	it.each(Object.entries(catalogues))('%s messages are valid ICU and not empty', (_locale, catalogue) => {
		for (const [key, message] of Object.entries(catalogue)) {
			expect(message.trim(), key).not.toBe('');
			expect(() => parse(message), key).not.toThrow();
		}
	});

	it('really tells differing placeholders apart', () => {
		const a = argumentNames(parse('{count, plural, one {# note} other {# notes of {amount}}}'));
		expect([...a].sort()).toEqual(['amount', 'count']);
	});
});
