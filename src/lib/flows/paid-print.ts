import * as v from 'valibot';
import type { MessageId } from '$lib/i18n/translate';
import { paymentView, printableDocument, type PrintableDocument, type PrintOrderRequest } from '$lib/contract';
import type { FlowAnswers, Step } from './types';

/**
 * A printed copy of a document the citizen has on screen, as the manual's certificate printing
 * goes: "do you want a print?" → ₹10, cash only → notes with the timer → the A4 print → the
 * thermal receipt. Paid through the payment core; a failed print is printed again free.
 */
export function paidPrintSteps(options: {
	/** The form step whose lookup found the document. */
	documentStep: string;
	question: MessageId;
	request: (document: PrintableDocument, answers: FlowAnswers) => PrintOrderRequest['document'] | undefined;
}): Step[] {
	const documentOf = (results: Record<string, unknown>) => {
		const parsed = v.safeParse(printableDocument, results[options.documentStep]);
		return parsed.success ? parsed.output : undefined;
	};
	return [
		{
			kind: 'print-order',
			id: 'print-order',
			question: options.question,
			document: ({ answers, results }) => {
				const document = documentOf(results);
				return document && options.request(document, answers);
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
