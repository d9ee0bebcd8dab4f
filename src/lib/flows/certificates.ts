import { certificateDocument, GOVERNMENT_PATHS, lookupPath, TRANSACTION_ID_LENGTH } from '$lib/contract';
import CertificateDocument from './government/CertificateDocument.svelte';
import { paidPrintSteps } from './paid-print';
import { digitsSchema } from './validators';
import { resultStep, type Flow } from './types';

/**
 * "प्रमाणपत्र देखें/छापें": the certificate type → the application's transaction ID → "दर्ज करें"
 * → the certificate as issued → "प्रमाणपत्र प्रिंट करें" → ₹10 in cash → A4 print → receipt.
 */
export const certificatesFlow: Flow = {
	id: 'certificates',
	menu: 'government',
	title: 'certificate.title',
	icon: 'certificate',
	steps: [
		{
			kind: 'choice',
			id: 'type',
			question: 'certificate.type.question',
			display: 'tiles',
			options: { reference: () => GOVERNMENT_PATHS.certificateTypes },
			empty: 'certificate.type.none'
		},
		{
			kind: 'form',
			id: 'transaction-id',
			question: 'certificate.id.question',
			submitLabel: 'action.submit',
			fields: [
				{
					name: 'transactionId',
					label: 'certificate.id.label',
					hint: 'certificate.id.hint',
					messageValues: TRANSACTION_ID_LENGTH,
					keyboard: 'digits',
					maxLength: 20,
					schema: digitsSchema({
						minLength: TRANSACTION_ID_LENGTH.min,
						maxLength: TRANSACTION_ID_LENGTH.max,
						required: 'certificate.id.required',
						format: 'certificate.id.format'
					})
				}
			],
			lookup: {
				request: (values, answers) => ({
					path: lookupPath('certificate'),
					body: { typeId: answers.type?.value ?? '', transactionId: values.transactionId }
				}),
				errors: {
					not_found: { field: 'transactionId', message: 'certificate.id.notFound' },
					other_certificate_type: { field: 'transactionId', message: 'certificate.id.otherType' },
					not_issued: { field: 'transactionId', message: 'certificate.id.notIssued' }
				}
			}
		},
		resultStep({
			kind: 'result',
			id: 'certificate',
			title: 'certificate.result.title',
			lookupStep: 'transaction-id',
			schema: certificateDocument,
			document: CertificateDocument,
			actions: [
				{ kind: 'continue', label: 'certificate.print' },
				{ kind: 'finish', label: 'action.finish' }
			]
		}),
		...paidPrintSteps({
			documentStep: 'transaction-id',
			question: 'certificate.print.question',
			request: (document) =>
				document.kind === 'certificate'
					? { kind: 'certificate', typeId: document.type.id, transactionId: document.transactionId }
					: undefined
		})
	]
};
