import { describe, expect, it } from 'vitest';
import { translator } from './translate';

describe('translator', () => {
	it('formats ICU plurals in each language', () => {
		expect(translator('en')('timeout.body', { seconds: 1 })).toContain('1 second.');
		expect(translator('en')('timeout.body', { seconds: 30 })).toContain('30 seconds.');
		expect(translator('hi')('timeout.body', { seconds: 30 })).toContain('30 सेकंड');
	});

	it('uses the manual’s wording for the main menu', () => {
		const t = translator('hi');
		expect([t('menu.government'), t('menu.bills'), t('menu.video')]).toEqual(['सरकारी सेवाएं', 'बिल भुगतान', 'वीडियो कॉन्फ्रेंसिंग']);
	});
});
