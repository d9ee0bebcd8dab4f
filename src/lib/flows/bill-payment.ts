import * as v from 'valibot';
import { API_PATHS, type BillerInfo, billQuote, type BillQuote, formatDate, formatRupees } from '$lib/contract';
import { findBill, keepBill } from '$lib/checkout/offline/bill-cache';
import { mobileSchema, optionalEmailSchema, patternSchema } from './validators';
import { resultStep, type FieldDef, type Flow, type IconName, type ResultRow } from './types';

const ICONS: Record<BillerInfo['category'], IconName> = {
	telecom: 'phone',
	water: 'water',
	electricity: 'electricity',
	government: 'government'
};

/**
 * The manual's bill payment for one biller: its consumer number (+ mobile, + optional e-mail) →
 * "बिल प्राप्त करें" → the bill → check → how to pay → pay → receipt. The biller's rules (number
 * length and pattern, mobile required, cash limit) are the hub's configuration, not code here.
 */
export function billPaymentFlow(biller: BillerInfo): Flow {
	const identifier: FieldDef = {
		name: 'identifier',
		label: biller.identifier.label,
		hint: biller.identifier.isMobile ? 'bill.identifier.mobileHint' : 'bill.identifier.hint',
		messageValues: { length: biller.identifier.length },
		keyboard: 'digits',
		maxLength: biller.identifier.length + 8,
		schema: patternSchema({
			pattern: new RegExp(biller.identifier.pattern),
			required: biller.identifier.isMobile ? 'bill.identifier.mobileRequired' : 'bill.identifier.required',
			format: biller.identifier.isMobile ? 'bill.mobile.format' : 'bill.identifier.format'
		})
	};
	const mobile: FieldDef = {
		name: 'mobile',
		label: 'bill.mobile.label',
		hint: 'bill.mobile.hint',
		keyboard: 'digits',
		optional: !biller.mobileRequired,
		maxLength: 16,
		schema: mobileSchema({
			required: biller.mobileRequired ? 'bill.mobile.required' : null,
			format: 'bill.mobile.format'
		})
	};
	const email: FieldDef = {
		name: 'email',
		label: 'bill.email.label',
		hint: 'bill.email.hint',
		keyboard: 'email',
		optional: true,
		maxLength: 254,
		schema: optionalEmailSchema('bill.email.format')
	};
	// When the bill's own number is a mobile the SMS can go there, so a second mobile is asked
	// only where the biller requires one (BSNL).
	const fields = biller.identifier.isMobile && !biller.mobileRequired ? [identifier, email] : [identifier, mobile, email];

	return {
		id: `bill-${biller.id}`,
		menu: 'bills',
		title: biller.name,
		icon: ICONS[biller.category],
		available: biller.available,
		worksOffline: true,
		steps: [
			{
				kind: 'form',
				id: 'consumer',
				question: biller.name,
				submitLabel: 'bill.fetch',
				fields,
				lookup: {
					request: (values) => ({
						path: API_PATHS.bill(biller.id),
						body: { identifier: values.identifier, mobile: values.mobile, email: values.email }
					}),
					errors: {
						unknown_consumer: { field: 'identifier', message: 'bill.error.unknownConsumer' },
						bill_already_paid: { field: 'identifier', message: 'bill.error.alreadyPaid' },
						biller_unavailable: { message: 'bill.error.billerDown' },
						unknown_biller: { message: 'bill.error.billerDown' }
					},
					offline: {
						keep: (result, fetchedAt) => {
							const quote = v.safeParse(billQuote, result);
							if (quote.success) keepBill(localStorage, quote.output, fetchedAt);
						},
						find: (values) => {
							// The values are checked and cleaned, as the hub keeps the identifier.
							const kept = findBill(localStorage, biller.id, values.identifier ?? '');
							return kept && { result: kept.quote, fetchedAt: kept.fetchedAt };
						}
					}
				}
			},
			resultStep({
				kind: 'result',
				id: 'bill',
				title: 'bill.details.title',
				lookupStep: 'consumer',
				schema: billQuote,
				view: (quote: BillQuote, { t, locale }) => {
					const rows: ResultRow[] = [
						{ label: 'bill.details.biller', value: quote.biller.name[locale] },
						{ label: 'bill.details.consumer', value: quote.consumerNameMasked },
						{ label: 'bill.details.identifier', value: quote.identifier },
						{ label: 'bill.details.billNumber', value: quote.bill.billNumber },
						{ label: 'bill.details.billDate', value: formatDate(quote.bill.billDate, locale) },
						{
							label: 'bill.details.dueDate',
							value: formatDate(quote.bill.dueDate, locale) + (quote.bill.overdue ? ` — ${t('bill.details.overdue')}` : '')
						},
						{ label: 'bill.details.amount', value: formatRupees(quote.bill.amountPaise, locale) }
					];
					if (quote.creditAppliedPaise > 0) {
						rows.push({ label: 'bill.details.credit', value: `− ${formatRupees(quote.creditAppliedPaise, locale)}` });
					}
					rows.push({ label: 'bill.details.payable', value: formatRupees(quote.payablePaise, locale), emphasis: true });
					return { rows };
				},
				actions: [{ kind: 'continue', label: 'bill.payAction' }]
			}),
			{ kind: 'confirm', id: 'check' },
			{ kind: 'payment', id: 'mode', quoteStep: 'consumer' },
			{
				kind: 'collect',
				id: 'pay',
				quoteStep: 'consumer',
				paymentStep: 'mode',
				createPayment: ({ answers, quote, mode, locale }) => ({
					billerId: biller.id,
					identifier: quote.identifier,
					billNumber: quote.bill.billNumber,
					mobile: answers.consumer?.mobile || undefined,
					email: answers.consumer?.email || undefined,
					language: locale,
					mode
				})
			},
			{ kind: 'done', id: 'receipt', body: 'done.title', collectStep: 'pay' }
		]
	};
}
