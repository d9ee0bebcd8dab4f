import * as v from 'valibot';
import { GOVERNMENT_PATHS, reprintAnswer } from '$lib/contract';
import { digitsFieldDef } from './digits-field';
import type { Flow } from './types';

/**
 * A paid print that did not come out (printer off, no paper), printed again free, at any kiosk,
 * with the transaction ID on its receipt: paid once, printed until it succeeds.
 */
export const reprintFlow: Flow = {
	id: 'reprint',
	menu: 'government',
	title: 'government.reprint.title',
	icon: 'print',
	steps: [
		{
			kind: 'form',
			id: 'receipt-reference',
			question: 'government.reprint.question',
			submitLabel: 'action.submit',
			fields: [
				digitsFieldDef({
					name: 'receiptReference',
					label: 'government.reprint.label',
					hint: 'government.reprint.hint',
					required: 'government.reprint.required',
					format: 'government.reprint.format',
					length: { min: 12, max: 12 },
					maxLength: 20
				})
			],
			lookup: {
				request: (values) => ({ path: GOVERNMENT_PATHS.reprint, body: values }),
				errors: {
					unknown_print_order: { field: 'receiptReference', message: 'government.reprint.unknown' },
					already_printed: { field: 'receiptReference', message: 'government.reprint.alreadyPrinted' },
					not_found: { field: 'receiptReference', message: 'government.reprint.unknown' }
				}
			}
		},
		{
			kind: 'print',
			id: 'print',
			order: ({ results }) => {
				const found = v.safeParse(reprintAnswer, results['receipt-reference']);
				if (!found.success) return undefined;
				const { order, document } = found.output;
				return order.paymentId === null ? undefined : { orderId: order.orderId, document, receiptReference: order.paymentId };
			}
		},
		{ kind: 'done', id: 'done', body: 'government.reprint.done' }
	]
};
