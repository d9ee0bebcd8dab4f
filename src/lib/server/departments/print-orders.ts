import type { Kysely } from 'kysely';
import { PRINT_FEE_PAISE, type PrintAttemptRequest, type PrintDocumentKindRequest, type PrintOrderView } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { BillerAdapter, BillerDirectory, BillLookup, PostingRequest, PostingResult } from '$lib/server/billers';
import type { Database, Kiosk, PrintOrder } from '$lib/server/db/schema';
import { istDate } from '$lib/server/payments/india-time';
import { randomDigits } from '$lib/server/payments/ids';

/** The payee row (migration 0005) whose "bills" are print orders: cash only, not in the bill menu. */
export const PRINT_FEES_BILLER_ID = 'print-fees';

export function printOrderView(order: PrintOrder, attempts: number): PrintOrderView {
	return {
		orderId: order.id,
		status: order.printed_at !== null ? 'printed' : order.paid_at !== null ? 'paid' : 'awaiting_payment',
		feePaise: order.fee_paise,
		paymentId: order.payment_id,
		attempts
	};
}

/**
 * The order a citizen pays for a print of a document: an unpaid one for the same document is
 * used again (a payment that was cancelled leaves its order unpaid), else a new one.
 */
export async function openPrintOrder(
	db: Kysely<Database>,
	kiosk: Kiosk,
	document: { kind: PrintDocumentKindRequest; ref: string; holderName: string },
	now: Date
): Promise<PrintOrder> {
	const unpaid = await db
		.selectFrom('print_orders')
		.selectAll()
		.where('document_ref', '=', document.ref)
		.where('paid_at', 'is', null)
		.orderBy('created_at')
		.executeTakeFirst();
	if (unpaid) return unpaid;
	for (;;) {
		const inserted = await db
			.insertInto('print_orders')
			.values({
				id: `PO${randomDigits(10)}`,
				kiosk_code: kiosk.code,
				document_kind: document.kind,
				document_ref: document.ref,
				holder_name: document.holderName,
				fee_paise: PRINT_FEE_PAISE,
				created_at: now.toISOString()
			})
			.onConflict((conflict) => conflict.column('id').doNothing())
			.returningAll()
			.executeTakeFirst();
		if (inserted) return inserted;
	}
}

async function attemptCount(db: Kysely<Database>, orderId: string): Promise<number> {
	const { count } = await db
		.selectFrom('print_attempts')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('order_id', '=', orderId)
		.executeTakeFirstOrThrow();
	return Number(count);
}

export async function viewOfOrder(db: Kysely<Database>, order: PrintOrder): Promise<PrintOrderView> {
	return printOrderView(order, await attemptCount(db, order.id));
}

/** A paid order that has not printed yet: what a free reprint needs. */
export function requirePrintable(order: PrintOrder | undefined, orderId: string): PrintOrder {
	if (order === undefined) throw new ApiError(404, 'unknown_print_order', `There is no print order ${orderId}`);
	if (order.paid_at === null) throw new ApiError(409, 'print_not_paid', `Print order ${orderId} is not paid`);
	if (order.printed_at !== null) {
		throw new ApiError(409, 'already_printed', `Print order ${orderId} printed at ${order.printed_at}`);
	}
	return order;
}

/**
 * A kiosk printed a paid order: each try is recorded; the first that printed closes the order, so
 * a print that failed (printer off, no paper) can be tried again, free, here or at another kiosk.
 */
export async function recordPrintAttempt(
	db: Kysely<Database>,
	kiosk: Kiosk,
	orderId: string,
	attempt: PrintAttemptRequest,
	now: Date
): Promise<PrintOrderView> {
	return db.transaction().execute(async (trx) => {
		const found = await trx.selectFrom('print_orders').selectAll().where('id', '=', orderId).executeTakeFirst();
		const order = requirePrintable(found, orderId);
		await trx
			.insertInto('print_attempts')
			.values({
				order_id: order.id,
				kiosk_code: kiosk.code,
				outcome: attempt.outcome,
				reason: attempt.reason ?? null,
				at: now.toISOString()
			})
			.execute();
		if (attempt.outcome === 'failed') return viewOfOrder(trx, order);
		const printed = await trx
			.updateTable('print_orders')
			.set({ printed_at: now.toISOString() })
			.where('id', '=', order.id)
			.where('printed_at', 'is', null)
			.returningAll()
			.executeTakeFirstOrThrow();
		return viewOfOrder(trx, printed);
	});
}

/**
 * Print orders seen by the payment core as bills of the print-fees payee: the bill is the order,
 * its identifier the document, and posting the payment marks the order paid.
 */
export class PrintFeeAdapter implements BillerAdapter {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly now: () => Date
	) {}

	async fetchBill(identifier: string): Promise<BillLookup> {
		const orders = await this.db
			.selectFrom('print_orders')
			.selectAll()
			.where('document_ref', '=', identifier)
			.orderBy('created_at')
			.execute();
		const asBill = (order: PrintOrder) => {
			const created = istDate(new Date(order.created_at));
			return {
				billNumber: order.id,
				consumerName: order.holder_name,
				billDate: created,
				dueDate: created,
				amountPaise: order.fee_paise
			};
		};
		const due = orders.find((order) => order.paid_at === null);
		if (due) return { kind: 'due', bill: asBill(due) };
		const latest = orders.at(-1);
		return latest ? { kind: 'paid', bill: asBill(latest) } : { kind: 'unknown_consumer' };
	}

	async postPayment(request: PostingRequest): Promise<PostingResult> {
		const at = this.now().toISOString();
		return this.db.transaction().execute(async (trx): Promise<PostingResult> => {
			const order = await trx.selectFrom('print_orders').selectAll().where('id', '=', request.billNumber).executeTakeFirst();
			if (!order) return { status: 'rejected', reason: 'unknown_bill' };
			if (order.payment_id === request.reference) return { status: 'posted', billerReference: order.id };
			if (order.paid_at !== null) return { status: 'rejected', reason: 'bill_already_paid' };
			if (order.fee_paise !== request.amountPaise) return { status: 'rejected', reason: 'amount_mismatch' };
			await trx
				.updateTable('print_orders')
				.set({ paid_at: at, payment_id: request.reference })
				.where('id', '=', order.id)
				.where('paid_at', 'is', null)
				.execute();
			return { status: 'posted', billerReference: order.id };
		});
	}

	async reverse(reference: string): Promise<{ reversed: boolean }> {
		const undone = await this.db
			.updateTable('print_orders')
			.set({ paid_at: null, payment_id: null })
			.where('payment_id', '=', reference)
			.where('printed_at', 'is', null)
			.executeTakeFirst();
		return { reversed: undone.numUpdatedRows > 0n };
	}
}

/** The billers' directory with print fees served by the print orders. */
export function withPrintFees(billers: BillerDirectory, db: Kysely<Database>, now: () => Date): BillerDirectory {
	const printFees = new PrintFeeAdapter(db, now);
	return (billerId) => (billerId === PRINT_FEES_BILLER_ID ? printFees : billers(billerId));
}
