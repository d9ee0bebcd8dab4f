import { formatDate, formatDateTime, TRANSACTION_ID_LENGTH, transactionStatusResult } from '$lib/contract';
import { digitsSchema } from './validators';
import { resultStep, type Flow } from './types';

export const transactionStatusFlow: Flow = {
	id: 'transaction-status',
	menu: 'government',
	title: 'service.transactionStatus.title',
	icon: 'status',
	steps: [
		{
			kind: 'form',
			id: 'transaction-id',
			question: 'transactionStatus.id.question',
			submitLabel: 'action.submit',
			fields: [
				{
					name: 'transactionId',
					label: 'transactionStatus.id.label',
					hint: 'transactionStatus.id.hint',
					messageValues: TRANSACTION_ID_LENGTH,
					keyboard: 'digits',
					maxLength: 20,
					schema: digitsSchema({
						minLength: TRANSACTION_ID_LENGTH.min,
						maxLength: TRANSACTION_ID_LENGTH.max,
						required: 'transactionStatus.id.required',
						format: 'transactionStatus.id.format'
					})
				}
			],
			lookup: {
				errors: { not_found: { field: 'transactionId', message: 'transactionStatus.id.notFound' } }
			}
		},
		resultStep({
			kind: 'result',
			id: 'status',
			title: 'transactionStatus.result.title',
			lookupStep: 'transaction-id',
			schema: transactionStatusResult,
			view: (result, { t, locale }) => ({
				rows: [
					{ label: 'transactionStatus.result.transactionId', value: result.transactionId },
					{ label: 'transactionStatus.result.service', value: result.service[locale] },
					{ label: 'transactionStatus.result.department', value: result.department[locale] },
					{ label: 'transactionStatus.result.applicant', value: result.applicantNameMasked },
					{ label: 'transactionStatus.result.submittedAt', value: formatDate(result.submittedAt, locale) },
					{
						label: 'transactionStatus.result.status',
						value: t(`transactionStatus.status.${result.status}`),
						emphasis: true
					},
					{
						label: 'transactionStatus.result.statusUpdatedAt',
						value: formatDateTime(result.statusUpdatedAt, locale)
					}
				],
				note: {
					title: 'transactionStatus.result.nextTitle',
					body: `transactionStatus.next.${result.status}`
				}
			}),
			actions: [
				{ kind: 'restart', label: 'transactionStatus.result.checkAnother' },
				{ kind: 'finish', label: 'action.finish' }
			]
		})
	]
};
