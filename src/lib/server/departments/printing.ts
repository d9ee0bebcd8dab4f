import type { BillQuote, PrintOrderRequest, ReprintAnswer } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { Kiosk } from '$lib/server/db/schema';
import { quoteBill } from '$lib/server/payments';
import { documentRef } from './documents';
import { findCertificate, findMarksheet } from './lookups';
import { openPrintOrder, PRINT_FEES_BILLER_ID, requirePrintable, viewOfOrder } from './print-orders';
import { countLookup } from './rate-limit';
import type { DepartmentDeps } from './deps';

/**
 * A citizen wants a printed copy: the document is looked up again (the kiosk's copy is not
 * trusted), a print order opened, and the payment core quotes its fee like any bill: cash only.
 */
export async function orderPrint(deps: DepartmentDeps, kiosk: Kiosk, request: PrintOrderRequest, origin: string): Promise<BillQuote> {
	await countLookup(deps.db, kiosk.code, deps.lookupsPerMinute, deps.now());
	const { document } = request;
	const found =
		document.kind === 'certificate'
			? await findCertificate(deps, document.typeId, document.transactionId, origin)
			: await findMarksheet(deps, Number(document.examYear), document.rollNumber, origin);
	const ref = documentRef(found);
	const holder = found.kind === 'certificate' ? found.holderName.en : found.studentName.en;
	await openPrintOrder(deps.db, kiosk, { kind: found.kind, ref, holderName: holder }, deps.now());
	return quoteBill(deps.payments, kiosk, PRINT_FEES_BILLER_ID, { identifier: ref });
}

/** A paid print that has not come out yet, found by its receipt's transaction ID: printed again, free. */
export async function findReprint(deps: DepartmentDeps, kiosk: Kiosk, receiptReference: string, origin: string): Promise<ReprintAnswer> {
	await countLookup(deps.db, kiosk.code, deps.lookupsPerMinute, deps.now());
	const order = await deps.db
		.selectFrom('print_orders')
		.innerJoin('payments', 'payments.id', 'print_orders.payment_id')
		.selectAll('print_orders')
		.where('payments.id', '=', receiptReference)
		.where('payments.biller_id', '=', PRINT_FEES_BILLER_ID)
		.executeTakeFirst();
	if (!order) throw new ApiError(404, 'unknown_print_order', `No paid print has the reference ${receiptReference}`);
	requirePrintable(order, order.id);
	const document =
		order.document_kind === 'certificate'
			? await certificateOf(deps, order.document_ref, origin)
			: await findMarksheet(deps, Number(order.document_ref.slice(0, 4)), order.document_ref.slice(-7), origin);
	return { order: await viewOfOrder(deps.db, order), document };
}

async function certificateOf(deps: DepartmentDeps, transactionId: string, origin: string) {
	const lookup = await deps.departments.certificates.byTransactionId(transactionId);
	if (lookup.kind !== 'issued') throw new ApiError(404, 'not_found', `Certificate ${transactionId} is gone`);
	return findCertificate(deps, lookup.certificate.typeId, transactionId, origin);
}
