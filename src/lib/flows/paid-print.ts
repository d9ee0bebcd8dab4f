import * as v from 'valibot';
import type { MessageId } from '$lib/i18n/translate';
import {
	lookupPath,
	paymentView,
	printableDocument,
	type LookupServiceId,
	type PrintableDocument,
	type PrintOrderRequest
} from '$lib/contract';
import { resultStep, type FieldDef, type LookupErrorMessage, type ResultStep, type Step } from './types';

/**
 * A department's document found by a choice from a hub list and a number typed on the keypad (a
 * certificate by its type and the application's transaction ID, a marksheet by the exam year and
 * the roll number), shown as issued, then printed for a fee as the manual's certificate printing
 * goes: "do you want a print?" → ₹10, cash only → notes with the timer → the A4 print → the
 * thermal receipt. Paid through the payment core; a failed print is printed again free. The steps
 * find each other by the ids given here, so each id is written once.
 */
export function paidDocumentSteps<Result>(service: {
	/** The first screen: one entry of the hub list at `listPath`, as tiles; the lookup sends its value as `sentAs`. */
	choice: { id: string; question: MessageId; listPath: string; empty: MessageId; sentAs: string };
	/** The second: the number, which the lookup sends with the choice. */
	number: { id: string; question: MessageId; field: FieldDef; lookup: LookupServiceId; errors: Record<string, LookupErrorMessage> };
	/** The document as the lookup found it, with its print button's label. */
	result: Pick<ResultStep<Result>, 'id' | 'title' | 'schema' | 'document'> & { printLabel: MessageId };
	print: {
		question: MessageId;
		/** The print order for the document, or nothing when the lookup found another kind. */
		request: (document: PrintableDocument) => PrintOrderRequest['document'] | undefined;
	};
}): Step[] {
	const { choice, number, print } = service;
	const { printLabel, ...result } = service.result;
	const documentOf = (results: Record<string, unknown>) => {
		const parsed = v.safeParse(printableDocument, results[number.id]);
		return parsed.success ? parsed.output : undefined;
	};
	return [
		{
			kind: 'choice',
			id: choice.id,
			question: choice.question,
			display: 'tiles',
			options: { reference: () => choice.listPath },
			empty: choice.empty
		},
		{
			kind: 'form',
			id: number.id,
			question: number.question,
			submitLabel: 'action.submit',
			fields: [number.field],
			lookup: {
				request: (values, answers) => ({
					path: lookupPath(number.lookup),
					body: { [choice.sentAs]: answers[choice.id]?.value ?? '', ...values }
				}),
				errors: number.errors
			}
		},
		resultStep({
			...result,
			kind: 'result',
			lookupStep: number.id,
			actions: [
				{ kind: 'continue', label: printLabel },
				{ kind: 'finish', label: 'action.finish' }
			]
		}),
		{
			kind: 'print-order',
			id: 'print-order',
			question: print.question,
			document: ({ results }) => {
				const document = documentOf(results);
				return document && print.request(document);
			}
		},
		{ kind: 'payment', id: 'mode', quoteStep: 'print-order' },
		{
			kind: 'collect',
			id: 'pay',
			quoteStep: 'print-order',
			paymentStep: 'mode',
			createPayment: ({ quote, mode, locale }) => ({
				billerId: quote.biller.id,
				identifier: quote.identifier,
				billNumber: quote.bill.billNumber,
				language: locale,
				mode
			})
		},
		{
			kind: 'print',
			id: 'print',
			// Only a payment the print-fee payee has (posted) prints; a cancelled one goes to its receipt.
			order: ({ results }) => {
				const payment = v.safeParse(paymentView, results.pay);
				const document = documentOf(results);
				if (!payment.success || payment.output.status !== 'posted' || !document) return undefined;
				return { orderId: payment.output.bill.billNumber, document, receiptReference: payment.output.transactionId };
			}
		},
		{ kind: 'done', id: 'receipt', body: 'done.title', collectStep: 'pay', paidReceiptNote: 'government.receipt.reprintNote' }
	];
}
