import type { Kysely } from 'kysely';
import type { Database, Payment } from '$lib/server/db/schema';
import { addCredit } from './credits';
import { newVoucherCode } from './ids';
import { recordAudit } from './store';

/**
 * Cash that went in without paying the bill is never lost: it becomes a voucher (printed for
 * the citizen, with a code to quote) and a credit on the biller account for the next bill.
 */
export async function issueVoucher(
	trx: Kysely<Database>,
	payment: Payment,
	amountPaise: number,
	kind: 'cancelled_cash' | 'late_cash',
	at: Date
): Promise<string> {
	for (;;) {
		const code = newVoucherCode();
		const inserted = await trx
			.insertInto('vouchers')
			.values({
				code,
				payment_id: payment.id,
				biller_id: payment.biller_id,
				identifier: payment.identifier,
				amount_paise: amountPaise,
				created_at: at.toISOString()
			})
			.onConflict((conflict) => conflict.column('code').doNothing())
			.returning('code')
			.executeTakeFirst();
		if (inserted !== undefined) {
			await recordAudit(trx, { paymentId: payment.id, event: 'voucher', amountPaise, detail: { code } }, at);
			const account = { billerId: payment.biller_id, identifier: payment.identifier };
			await addCredit(trx, account, kind, amountPaise, payment.id, at);
			return code;
		}
	}
}
