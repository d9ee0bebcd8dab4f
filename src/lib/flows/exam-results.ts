import { GOVERNMENT_PATHS, lookupPath, marksheetDocument, ROLL_NUMBER_PATTERN } from '$lib/contract';
import MarksheetDocument from './government/MarksheetDocument.svelte';
import { paidPrintSteps } from './paid-print';
import { digitsSchema } from './validators';
import { resultStep, type Flow } from './types';

/**
 * "माध्यमिक परीक्षा का विवरण": the exam year from a list → the roll number → the Board of Secondary
 * Education, Ajmer's record → optionally a printed copy, paid like a certificate.
 */
export const examResultsFlow: Flow = {
	id: 'exam-results',
	menu: 'government',
	title: 'exam.title',
	icon: 'exam',
	steps: [
		{
			kind: 'choice',
			id: 'year',
			question: 'exam.year.question',
			display: 'tiles',
			options: { reference: () => GOVERNMENT_PATHS.examYears },
			empty: 'exam.year.none'
		},
		{
			kind: 'form',
			id: 'roll-number',
			question: 'exam.roll.question',
			submitLabel: 'action.submit',
			fields: [
				{
					name: 'rollNumber',
					label: 'exam.roll.label',
					hint: 'exam.roll.hint',
					messageValues: { length: ROLL_NUMBER_PATTERN.min },
					keyboard: 'digits',
					maxLength: 12,
					schema: digitsSchema({
						minLength: ROLL_NUMBER_PATTERN.min,
						maxLength: ROLL_NUMBER_PATTERN.max,
						required: 'exam.roll.required',
						format: 'exam.roll.format'
					})
				}
			],
			lookup: {
				request: (values, answers) => ({
					path: lookupPath('exam-result'),
					body: { examYear: answers.year?.value ?? '', rollNumber: values.rollNumber }
				}),
				errors: { not_found: { field: 'rollNumber', message: 'exam.roll.notFound' } }
			}
		},
		resultStep({
			kind: 'result',
			id: 'result',
			title: 'exam.result.title',
			lookupStep: 'roll-number',
			schema: marksheetDocument,
			document: MarksheetDocument,
			actions: [
				{ kind: 'continue', label: 'exam.print' },
				{ kind: 'finish', label: 'action.finish' }
			]
		}),
		...paidPrintSteps({
			documentStep: 'roll-number',
			question: 'exam.print.question',
			request: (document) =>
				document.kind === 'marksheet'
					? { kind: 'marksheet', examYear: String(document.examYear), rollNumber: document.rollNumber }
					: undefined
		})
	]
};
