import type { Kysely } from 'kysely';
import type { CreditMovement, Database } from '$lib/server/db/schema';
import { ConcurrentChangeError, recordAudit } from './store';

/**
 * A citizen's credit on a biller account (excess cash, cash of a cancelled payment), applied to
 * the next bill first. Every movement is a ledger row with the balance after it.
 */

export interface CreditAccount {
	billerId: string;
	identifier: string;
}

export async function creditBalance(db: Kysely<Database>, account: CreditAccount): Promise<number> {
	const row = await db
		.selectFrom('credit_accounts')
		.select('balance_paise')
		.where('biller_id', '=', account.billerId)
		.where('identifier', '=', account.identifier)
		.executeTakeFirst();
	return row?.balance_paise ?? 0;
}

async function appendLedger(
	trx: Kysely<Database>,
	account: CreditAccount,
	kind: CreditMovement,
	amountPaise: number,
	balanceAfterPaise: number,
	paymentId: string,
	at: Date
): Promise<void> {
	await trx
		.insertInto('credit_ledger')
		.values({
			biller_id: account.billerId,
			identifier: account.identifier,
			kind,
			amount_paise: amountPaise,
			balance_after_paise: balanceAfterPaise,
			payment_id: paymentId,
			at: at.toISOString()
		})
		.execute();
	await recordAudit(trx, { paymentId, event: `credit_${kind}`, amountPaise, detail: { ...account } }, at);
}

/** Credits an account (opening it on first use). A zero amount is no movement at all. */
export async function addCredit(
	trx: Kysely<Database>,
	account: CreditAccount,
	kind: Exclude<CreditMovement, 'applied'>,
	amountPaise: number,
	paymentId: string,
	at: Date
): Promise<void> {
	if (amountPaise === 0) return;
	const { balance_paise } = await trx
		.insertInto('credit_accounts')
		.values({
			biller_id: account.billerId,
			identifier: account.identifier,
			balance_paise: amountPaise,
			updated_at: at.toISOString()
		})
		.onConflict((conflict) =>
			conflict.columns(['biller_id', 'identifier']).doUpdateSet((eb) => ({
				balance_paise: eb('credit_accounts.balance_paise', '+', amountPaise),
				updated_at: at.toISOString()
			}))
		)
		.returning('balance_paise')
		.executeTakeFirstOrThrow();
	await appendLedger(trx, account, kind, amountPaise, balance_paise, paymentId, at);
}

/**
 * Takes up to `maxPaise` of the account's credit for a payment and returns how much it took.
 * Compare-and-set on the balance read, so two payments for one account never spend the same
 * credit: the loser of a race reads again.
 */
export async function takeCredit(
	trx: Kysely<Database>,
	account: CreditAccount,
	maxPaise: number,
	paymentId: string,
	at: Date
): Promise<number> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const balance = await creditBalance(trx, account);
		const taken = Math.min(balance, maxPaise);
		if (taken === 0) return 0;
		const updated = await trx
			.updateTable('credit_accounts')
			.set({ balance_paise: balance - taken, updated_at: at.toISOString() })
			.where('biller_id', '=', account.billerId)
			.where('identifier', '=', account.identifier)
			.where('balance_paise', '=', balance)
			.executeTakeFirst();
		if (updated.numUpdatedRows === 1n) {
			await appendLedger(trx, account, 'applied', taken, balance - taken, paymentId, at);
			return taken;
		}
	}
	throw new ConcurrentChangeError(`The credit of ${account.billerId} ${account.identifier} keeps changing`);
}
