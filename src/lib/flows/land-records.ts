import * as v from 'valibot';
import { cleanNumberInput, GOVERNMENT_PATHS, KHASRA_PATTERN, landRecord, lookupPath } from '$lib/contract';
import LandRecordDocument from './government/LandRecordDocument.svelte';
import { resultStep, type FieldSchema, type Flow } from './types';

/** Digits with sub-divisions after slashes (123/45), Devanagari digits and spaces accepted. */
const khasraSchema: FieldSchema = v.pipe(
	v.string(),
	v.transform(cleanNumberInput),
	v.nonEmpty('land.khasra.required'),
	v.regex(KHASRA_PATTERN, 'land.khasra.format')
);

/**
 * "भूमि रिकॉर्ड देखें": district → tehsil → village, each from a searchable list → the khasra
 * number → "आगे बढ़ें" → the record of rights: owners and shares, khata, area, land type, charges.
 */
export const landRecordsFlow: Flow = {
	id: 'land-records',
	menu: 'government',
	title: 'land.title',
	icon: 'land',
	steps: [
		{
			kind: 'choice',
			id: 'district',
			question: 'land.district.question',
			hint: 'land.list.hint',
			display: 'list',
			options: { reference: () => GOVERNMENT_PATHS.districts },
			empty: 'land.district.none'
		},
		{
			kind: 'choice',
			id: 'tehsil',
			question: 'land.tehsil.question',
			hint: 'land.list.hint',
			display: 'list',
			options: { reference: (answers) => GOVERNMENT_PATHS.tehsils(answers.district?.value ?? '') },
			empty: 'land.tehsil.none'
		},
		{
			kind: 'choice',
			id: 'village',
			question: 'land.village.question',
			hint: 'land.list.hint',
			display: 'list',
			options: { reference: (answers) => GOVERNMENT_PATHS.villages(answers.tehsil?.value ?? '') },
			empty: 'land.village.none'
		},
		{
			kind: 'form',
			id: 'khasra',
			question: 'land.khasra.question',
			submitLabel: 'action.continue',
			fields: [
				{
					name: 'khasra',
					label: 'land.khasra.label',
					hint: 'land.khasra.hint',
					keyboard: 'khasra',
					maxLength: 24,
					schema: khasraSchema
				}
			],
			lookup: {
				request: (values, answers) => ({
					path: lookupPath('land-record'),
					body: { villageCode: answers.village?.value ?? '', khasra: values.khasra }
				}),
				errors: {
					not_found: { field: 'khasra', message: 'land.khasra.notFound' },
					unknown_place: { message: 'land.error.unknownPlace' }
				}
			}
		},
		resultStep({
			kind: 'result',
			id: 'record',
			title: 'land.record.title',
			lookupStep: 'khasra',
			schema: landRecord,
			document: LandRecordDocument,
			actions: [
				{ kind: 'restart', label: 'land.record.another' },
				{ kind: 'finish', label: 'action.finish' }
			]
		})
	]
};
