import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { BillerAdapter, BillerBill, BillerDirectory, BillLookup, PostingRequest, PostingResult } from './adapter';

/**
 * A biller's system played by the hub's own tables (`reference_*`), so every biller works
 * without a department connection: the demo, the tests and a tester's machine use it.
 */
export class ReferenceBillerAdapter implements BillerAdapter {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly billerId: string,
		private readonly now: () => Date
	) {}

	async fetchBill(identifier: string): Promise<BillLookup> {
		const rows = await this.db
			.selectFrom('reference_bills as bill')
			.innerJoin('reference_consumers as consumer', (join) =>
				join.onRef('consumer.biller_id', '=', 'bill.biller_id').onRef('consumer.identifier', '=', 'bill.identifier')
			)
			.select(['bill.bill_number', 'bill.bill_date', 'bill.due_date', 'bill.amount_paise', 'bill.paid_at', 'consumer.name'])
			.where('bill.biller_id', '=', this.billerId)
			.where('bill.identifier', '=', identifier)
			.orderBy('bill.bill_date')
			.execute();
		const asBill = (row: (typeof rows)[number]): BillerBill => ({
			billNumber: row.bill_number,
			consumerName: row.name,
			billDate: row.bill_date,
			dueDate: row.due_date,
			amountPaise: row.amount_paise
		});
		const due = rows.find((row) => row.paid_at === null);
		if (due) return { kind: 'due', bill: asBill(due) };
		const latest = rows.at(-1);
		return latest ? { kind: 'paid', bill: asBill(latest) } : { kind: 'unknown_consumer' };
	}

	async postPayment(request: PostingRequest): Promise<PostingResult> {
		const at = this.now().toISOString();
		return this.db.transaction().execute(async (trx): Promise<PostingResult> => {
			const earlier = await trx
				.selectFrom('reference_postings')
				.select(['biller_reference', 'reversed_at'])
				.where('reference', '=', request.reference)
				.executeTakeFirst();
			if (earlier) {
				return earlier.reversed_at === null
					? { status: 'posted', billerReference: earlier.biller_reference }
					: { status: 'rejected', reason: 'reference_reversed' };
			}
			const bill = await trx
				.selectFrom('reference_bills as bill')
				.innerJoin('reference_consumers as consumer', (join) =>
					join.onRef('consumer.biller_id', '=', 'bill.biller_id').onRef('consumer.identifier', '=', 'bill.identifier')
				)
				.select(['bill.amount_paise', 'consumer.rejects_postings'])
				.where('bill.biller_id', '=', this.billerId)
				.where('bill.bill_number', '=', request.billNumber)
				.executeTakeFirst();
			if (!bill) return { status: 'rejected', reason: 'unknown_bill' };
			if (bill.rejects_postings === 1) return { status: 'rejected', reason: 'consumer_account_blocked' };
			if (bill.amount_paise !== request.amountPaise) return { status: 'rejected', reason: 'amount_mismatch' };
			const paid = await trx
				.updateTable('reference_bills')
				.set({ paid_at: at, payment_reference: request.reference })
				.where('biller_id', '=', this.billerId)
				.where('bill_number', '=', request.billNumber)
				.where('paid_at', 'is', null)
				.executeTakeFirst();
			if (paid.numUpdatedRows === 0n) return { status: 'rejected', reason: 'bill_already_paid' };
			const billerReference = `${this.billerId.slice(0, 4)}-${randomUUID().slice(0, 13)}`.toUpperCase();
			await trx
				.insertInto('reference_postings')
				.values({
					reference: request.reference,
					biller_id: this.billerId,
					bill_number: request.billNumber,
					amount_paise: request.amountPaise,
					biller_reference: billerReference,
					posted_at: at
				})
				.execute();
			return { status: 'posted', billerReference };
		});
	}

	async reverse(reference: string): Promise<{ reversed: boolean }> {
		const at = this.now().toISOString();
		return this.db.transaction().execute(async (trx) => {
			const undone = await trx
				.updateTable('reference_postings')
				.set({ reversed_at: at })
				.where('reference', '=', reference)
				.where('biller_id', '=', this.billerId)
				.where('reversed_at', 'is', null)
				.executeTakeFirst();
			if (undone.numUpdatedRows === 0n) return { reversed: false };
			await trx
				.updateTable('reference_bills')
				.set({ paid_at: null, payment_reference: null })
				.where('payment_reference', '=', reference)
				.execute();
			return { reversed: true };
		});
	}
}

/** Every biller served by the reference adapter: the default until departments are connected. */
export function referenceBillerDirectory(db: Kysely<Database>, now: () => Date): BillerDirectory {
	return (billerId) => new ReferenceBillerAdapter(db, billerId, now);
}
