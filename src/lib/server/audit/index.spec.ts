import { describe, expect, it } from 'vitest';
import { isMessageId } from '$lib/i18n/translate';
import { AUDIT_ACTIONS } from './index';

describe('the audit log’s actions', () => {
	it('are each worded for the programme office', () => {
		expect(AUDIT_ACTIONS.filter((action) => !isMessageId(`admin.audit.action.${action}`))).toEqual([]);
	});
});
