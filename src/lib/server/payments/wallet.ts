import type { Kysely } from 'kysely';
import type { Database, WalletMovement } from '$lib/server/db/schema';
import { recordAudit } from './store';

/**
 * The operator's prepaid wallet. Cash a kiosk takes stays with its operator, and the biller is
 * paid from the wallet: a cash payment holds the bill amount when it starts, the hold becomes a
 * debit when the bill is posted, and is released if the payment is cancelled.
 *
 * Every movement is one conditional UPDATE (so two kiosks racing can never take the wallet below
 * zero; a CHECK constraint backs it up) and one ledger row with the balance after it.
 */

export interface WalletBalance {
	balancePaise: number;
	heldPaise: number;
	/** What a new cash payment can still hold. */
	availablePaise: number;
}

export async function walletBalance(db: Kysely<Database>, ssoId: string): Promise<WalletBalance> {
	const wallet = await db
		.selectFrom('operator_wallets')
		.select(['balance_paise', 'held_paise'])
		.where('operator_sso_id', '=', ssoId)
		.executeTakeFirst();
	const balancePaise = wallet?.balance_paise ?? 0;
	const heldPaise = wallet?.held_paise ?? 0;
	return { balancePaise, heldPaise, availablePaise: balancePaise - heldPaise };
}

/** Creates an empty wallet; false when the operator already has one. */
export async function openWallet(trx: Kysely<Database>, ssoId: string, at: Date): Promise<boolean> {
	const opened = await trx
		.insertInto('operator_wallets')
		.values({ operator_sso_id: ssoId, balance_paise: 0, held_paise: 0, updated_at: at.toISOString() })
		.onConflict((conflict) => conflict.column('operator_sso_id').doNothing())
		.returning('operator_sso_id')
		.executeTakeFirst();
	return opened !== undefined;
}

interface Movement {
	ssoId: string;
	amountPaise: number;
	paymentId: string | null;
}

const CHANGES: Record<WalletMovement, { balance: -1 | 0 | 1; held: -1 | 0 | 1 }> = {
	top_up: { balance: 1, held: 0 },
	hold: { balance: 0, held: 1 },
	release: { balance: 0, held: -1 },
	debit: { balance: -1, held: -1 }
};

/** Applies a movement if the wallet allows it; false (and nothing written) when it does not. */
async function move(trx: Kysely<Database>, kind: WalletMovement, movement: Movement, at: Date): Promise<boolean> {
	if (!Number.isSafeInteger(movement.amountPaise) || movement.amountPaise <= 0) {
		throw new RangeError(`A wallet ${kind} must be a positive number of paise, not ${movement.amountPaise}`);
	}
	const change = CHANGES[kind];
	const amount = movement.amountPaise;
	const updated = await trx
		.updateTable('operator_wallets')
		.set((eb) => ({
			balance_paise: eb('balance_paise', '+', change.balance * amount),
			held_paise: eb('held_paise', '+', change.held * amount),
			updated_at: at.toISOString()
		}))
		.where('operator_sso_id', '=', movement.ssoId)
		// A hold needs that much free; a release or debit needs that much held.
		.$if(kind === 'hold', (query) => query.where((eb) => eb(eb('balance_paise', '-', eb.ref('held_paise')), '>=', amount)))
		.$if(change.held === -1, (query) => query.where('held_paise', '>=', amount))
		.returning(['balance_paise', 'held_paise'])
		.executeTakeFirst();
	if (updated === undefined) return false;
	await trx
		.insertInto('wallet_ledger')
		.values({
			operator_sso_id: movement.ssoId,
			kind,
			amount_paise: amount,
			balance_after_paise: updated.balance_paise,
			held_after_paise: updated.held_paise,
			payment_id: movement.paymentId,
			at: at.toISOString()
		})
		.execute();
	if (movement.paymentId !== null) {
		const audited = { paymentId: movement.paymentId, event: `wallet_${kind}`, amountPaise: amount };
		await recordAudit(trx, { ...audited, detail: { ssoId: movement.ssoId } }, at);
	}
	return true;
}

export async function topUpWallet(trx: Kysely<Database>, ssoId: string, amountPaise: number, at: Date): Promise<void> {
	if (!(await move(trx, 'top_up', { ssoId, amountPaise, paymentId: null }, at))) {
		throw new Error(`Operator ${ssoId} has no wallet to top up`);
	}
}

/** Reserves a cash payment's bill amount; false when the wallet cannot cover it. */
export function holdForPayment(trx: Kysely<Database>, ssoId: string, paymentId: string, amountPaise: number, at: Date): Promise<boolean> {
	return move(trx, 'hold', { ssoId, amountPaise, paymentId }, at);
}

/** The held amount goes to the biller: a posted cash payment. */
export async function debitHold(trx: Kysely<Database>, ssoId: string, paymentId: string, amountPaise: number, at: Date): Promise<void> {
	if (!(await move(trx, 'debit', { ssoId, amountPaise, paymentId }, at))) throw noHold(paymentId, amountPaise, ssoId);
}

/** The held amount is free again: a cancelled cash payment. */
export async function releaseHold(trx: Kysely<Database>, ssoId: string, paymentId: string, amountPaise: number, at: Date): Promise<void> {
	if (!(await move(trx, 'release', { ssoId, amountPaise, paymentId }, at))) throw noHold(paymentId, amountPaise, ssoId);
}

const noHold = (paymentId: string, amountPaise: number, ssoId: string) =>
	new Error(`Payment ${paymentId} has no hold of ${amountPaise} paise on ${ssoId}'s wallet`);
