import { GOVERNMENT_PATHS, marksheetDocument, ROLL_NUMBER_PATTERN } from '$lib/contract';
import MarksheetDocument from './government/MarksheetDocument.svelte';
import { digitsFieldDef } from './digits-field';
import { paidDocumentSteps } from './paid-print';
import type { Flow } from './types';

/**
 * "माध्यमिक परीक्षा का विवरण": the exam year from a list → the roll number → the Board of Secondary
 * Education, Ajmer's record → optionally a printed copy, paid like a certificate.
 */
export const examResultsFlow: Flow = {
	id: 'exam-results',
	menu: 'government',
	title: 'exam.title',
	icon: 'exam',
	steps: paidDocumentSteps({
		choice: {
			id: 'year',
			question: 'exam.year.question',
			listPath: GOVERNMENT_PATHS.examYears,
			empty: 'exam.year.none',
			sentAs: 'examYear'
		},
		number: {
			id: 'roll-number',
			question: 'exam.roll.question',
			field: digitsFieldDef({
				name: 'rollNumber',
				label: 'exam.roll.label',
				hint: 'exam.roll.hint',
				required: 'exam.roll.required',
				format: 'exam.roll.format',
				length: ROLL_NUMBER_PATTERN,
				maxLength: 12
			}),
			lookup: 'exam-result',
			errors: { not_found: { field: 'rollNumber', message: 'exam.roll.notFound' } }
		},
		result: {
			id: 'result',
			title: 'exam.result.title',
			schema: marksheetDocument,
			document: MarksheetDocument,
			printLabel: 'exam.print'
		},
		print: {
			question: 'exam.print.question',
			request: (document) =>
				document.kind === 'marksheet'
					? { kind: 'marksheet', examYear: String(document.examYear), rollNumber: document.rollNumber }
					: undefined
		}
	})
};
