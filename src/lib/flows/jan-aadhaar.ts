import * as v from 'valibot';
import type { Receipt } from '$lib/devices/receipt-printer/receipt';
import {
	formatDateTime,
	GOVERNMENT_PATHS,
	JAN_AADHAAR_ID_LENGTH,
	janAadhaarFamily,
	lookupPath,
	maskMobile,
	mobileChangeView
} from '$lib/contract';
import { translator } from '$lib/i18n/translate';
import { digitsSchema, mobileSchema } from './validators';
import type { Flow } from './types';

const en = translator('en');
const hi = translator('hi');

/**
 * Jan Aadhaar (formerly Bhamashah) mobile-number update: the family's card number → its members,
 * names masked → the member → the new number → the OTP sent to it and the member's fingerprint →
 * the authority's record changes, with an audit trail → a receipt.
 */
export const janAadhaarFlow: Flow = {
	id: 'jan-aadhaar-mobile',
	menu: 'government',
	title: 'janAadhaar.title',
	icon: 'family',
	steps: [
		{
			kind: 'form',
			id: 'jan-aadhaar-id',
			question: 'janAadhaar.id.question',
			submitLabel: 'action.submit',
			fields: [
				{
					name: 'janAadhaarId',
					label: 'janAadhaar.id.label',
					hint: 'janAadhaar.id.hint',
					messageValues: { length: JAN_AADHAAR_ID_LENGTH },
					keyboard: 'digits',
					maxLength: 16,
					schema: digitsSchema({
						minLength: JAN_AADHAAR_ID_LENGTH,
						maxLength: JAN_AADHAAR_ID_LENGTH,
						required: 'janAadhaar.id.required',
						format: 'janAadhaar.id.format'
					})
				}
			],
			lookup: {
				request: (values) => ({ path: lookupPath('jan-aadhaar-family'), body: values }),
				errors: { not_found: { field: 'janAadhaarId', message: 'janAadhaar.id.notFound' } }
			}
		},
		{
			kind: 'choice',
			id: 'member',
			question: 'janAadhaar.member.question',
			hint: 'janAadhaar.member.hint',
			display: 'tiles',
			options: {
				fromResult: 'jan-aadhaar-id',
				pick: (result) => {
					const family = v.safeParse(janAadhaarFamily, result);
					if (!family.success) return [];
					return family.output.members.map((member) => {
						const detail = (say: typeof en) =>
							say('janAadhaar.member.detail', {
								relation: say(`janAadhaar.relation.${member.relation}`),
								year: member.yearOfBirth,
								mobile: member.mobileMasked ?? say('janAadhaar.member.noMobile')
							});
						return { value: member.memberId, label: member.nameMasked, detail: { en: detail(en), hi: detail(hi) } };
					});
				}
			},
			empty: 'janAadhaar.member.none'
		},
		{
			kind: 'form',
			id: 'new-mobile',
			question: 'janAadhaar.mobile.question',
			submitLabel: 'janAadhaar.mobile.sendOtp',
			fields: [
				{
					name: 'newMobile',
					label: 'janAadhaar.mobile.label',
					hint: 'janAadhaar.mobile.hint',
					keyboard: 'digits',
					maxLength: 16,
					schema: mobileSchema({ required: 'janAadhaar.mobile.required', format: 'janAadhaar.mobile.format' })
				}
			]
		},
		{
			kind: 'otp-fingerprint',
			id: 'verify',
			start: ({ answers, results }, locale) => {
				const family = v.safeParse(janAadhaarFamily, results['jan-aadhaar-id']);
				return {
					path: GOVERNMENT_PATHS.mobileChanges,
					body: {
						janAadhaarId: family.success ? family.output.janAadhaarId : '',
						memberId: answers.member?.value ?? '',
						newMobile: answers['new-mobile']?.newMobile ?? '',
						language: locale
					}
				};
			},
			verifyPath: (changeId) => GOVERNMENT_PATHS.mobileChangeVerify(changeId)
		},
		{
			kind: 'done',
			id: 'done',
			body: 'janAadhaar.done.body',
			receipt: ({ results }, locale): Receipt | undefined => {
				const change = v.safeParse(mobileChangeView, results.verify);
				const family = v.safeParse(janAadhaarFamily, results['jan-aadhaar-id']);
				if (!change.success || change.output.status !== 'completed' || !family.success) return undefined;
				const t = translator(locale);
				const view = change.output;
				return {
					blocks: [
						{ kind: 'text', text: t('app.name'), align: 'center', bold: true, size: 2 },
						{ kind: 'text', text: t('janAadhaar.receipt.title'), align: 'center', bold: true },
						{ kind: 'divider' },
						{ kind: 'row', label: t('janAadhaar.receipt.reference'), value: view.changeId },
						// The card number, like the names, is masked: the receipt may be left behind.
						{ kind: 'row', label: t('janAadhaar.receipt.janAadhaar'), value: maskMobile(family.output.janAadhaarId) },
						{ kind: 'row', label: t('janAadhaar.receipt.member'), value: view.memberNameMasked },
						{ kind: 'row', label: t('janAadhaar.receipt.newMobile'), value: view.newMobileMasked },
						{ kind: 'row', label: t('janAadhaar.receipt.at'), value: formatDateTime(view.completedAt ?? '', locale) },
						{ kind: 'divider' },
						{ kind: 'text', text: t('janAadhaar.receipt.note') },
						{ kind: 'cut' }
					]
				};
			}
		}
	]
};
