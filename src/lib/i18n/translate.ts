import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from '../../../messages/en.json';
import hi from '../../../messages/hi.json';
import { INTL_TAG, type Locale } from '$lib/contract';

/** Every message id; en.json is the reference catalogue and a test keeps hi.json equal to it. */
export type MessageId = keyof typeof en;
export type MessageValues = Record<string, string | number>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

const catalogues: Record<Locale, Record<MessageId, string>> = { en, hi };
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();

function intlFor(locale: Locale): IntlShape<string> {
	let intl = intls.get(locale);
	if (!intl) {
		intl = createIntl(
			{
				locale: INTL_TAG[locale],
				messages: catalogues[locale],
				onError: (error) => {
					throw error;
				}
			},
			cache
		);
		intls.set(locale, intl);
	}
	return intl;
}

export function isMessageId(id: string): id is MessageId {
	return Object.hasOwn(en, id);
}

/** The translate function for one language: `t('nav.home')`. */
export function translator(locale: Locale): Translate {
	const intl = intlFor(locale);
	return (id, values) => intl.formatMessage({ id }, values);
}
