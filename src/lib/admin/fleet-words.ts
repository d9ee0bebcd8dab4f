import type { MessageId } from '$lib/i18n/translate';

export const VENDOR_NAMES: Record<string, string> = { lipi: 'Lipi', econnect: 'eConnect', pyrotech: 'Pyrotech' };

export const KIND_MESSAGES: Record<string, MessageId> = {
	'atal-seva-kendra': 'fleet.kind.atalSevaKendra',
	urban: 'fleet.kind.urban'
};

export const ISSUE_MESSAGES: Record<string, MessageId> = {
	'paper-out': 'fleet.issue.paperOut',
	'cash-box-nearly-full': 'fleet.issue.cashBoxNearlyFull',
	'acceptor-fault': 'fleet.issue.acceptorFault',
	offline: 'fleet.issue.offline',
	'queued-payments-old': 'fleet.issue.queuedPaymentsOld'
};
