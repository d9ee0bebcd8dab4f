import { certificateDocument, GOVERNMENT_PATHS, TRANSACTION_ID_LENGTH } from '$lib/contract';
import CertificateDocument from './government/CertificateDocument.svelte';
import { digitsFieldDef } from './digits-field';
import { paidDocumentSteps } from './paid-print';
import type { Flow } from './types';

/**
 * "प्रमाणपत्र देखें/छापें": the certificate type → the application's transaction ID → "दर्ज करें"
 * → the certificate as issued → "प्रमाणपत्र प्रिंट करें" → ₹10 in cash → A4 print → receipt.
 */
export const certificatesFlow: Flow = {
	id: 'certificates',
	menu: 'government',
	title: 'certificate.title',
	icon: 'certificate',
	steps: paidDocumentSteps({
		choice: {
			id: 'type',
			question: 'certificate.type.question',
			listPath: GOVERNMENT_PATHS.certificateTypes,
			empty: 'certificate.type.none',
			sentAs: 'typeId'
		},
		number: {
			id: 'transaction-id',
			question: 'certificate.id.question',
			field: digitsFieldDef({
				name: 'transactionId',
				label: 'certificate.id.label',
				hint: 'certificate.id.hint',
				required: 'certificate.id.required',
				format: 'certificate.id.format',
				length: TRANSACTION_ID_LENGTH,
				maxLength: 20
			}),
			lookup: 'certificate',
			errors: {
				not_found: { field: 'transactionId', message: 'certificate.id.notFound' },
				other_certificate_type: { field: 'transactionId', message: 'certificate.id.otherType' },
				not_issued: { field: 'transactionId', message: 'certificate.id.notIssued' }
			}
		},
		result: {
			id: 'certificate',
			title: 'certificate.result.title',
			schema: certificateDocument,
			document: CertificateDocument,
			printLabel: 'certificate.print'
		},
		print: {
			question: 'certificate.print.question',
			request: (document) =>
				document.kind === 'certificate'
					? { kind: 'certificate', typeId: document.type.id, transactionId: document.transactionId }
					: undefined
		}
	})
};
