import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import { audit } from '$lib/server/audit';
import type { Database, Kiosk } from '$lib/server/db/schema';
import { istDate, istDayStart } from '$lib/server/payments/india-time';
import { walletBalance } from '$lib/server/payments/wallet';
import type { ConsoleView } from '$lib/contract';
import type { ActiveSession } from './sessions';

/** Payments a citizen is still in the middle of at the machine: money may be moving right now. */
const IN_PROGRESS = ['created', 'awaiting_payment'] as const;
/** Payments that took the citizen's money: posted to the biller, or paid and being posted. */
const COMPLETED = ['paid', 'posted'] as const;

const LEDGER_ROWS = 20;

/** What the notes in the machine's cash box add up to since it was last emptied. */
export async function cashBoxContents(db: Kysely<Database>, kioskCode: string) {
	const lastEmptied = await db
		.selectFrom('cash_box_emptyings')
		.selectAll()
		.where('kiosk_code', '=', kioskCode)
		.orderBy('id', 'desc')
		.executeTakeFirst();
	const inBox = await db
		.selectFrom('payment_notes as note')
		.innerJoin('payments as payment', 'payment.id', 'note.payment_id')
		.select([(eb) => eb.fn.countAll<number>().as('notes'), (eb) => eb.fn.sum<number>('note.value_paise').as('paise')])
		.where('payment.kiosk_code', '=', kioskCode)
		.where('note.received_at', '>', lastEmptied?.emptied_at ?? '')
		.executeTakeFirst();
	return {
		notes: Number(inBox?.notes ?? 0),
		amountPaise: Number(inBox?.paise ?? 0),
		since: lastEmptied?.emptied_at ?? null,
		lastEmptied: lastEmptied
			? {
					at: lastEmptied.emptied_at,
					by: lastEmptied.operator_sso_id,
					notes: lastEmptied.notes,
					amountPaise: lastEmptied.amount_paise
				}
			: null
	};
}

export async function paymentsInProgress(db: Kysely<Database>, kioskCode: string): Promise<number> {
	const row = await db
		.selectFrom('payments')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('kiosk_code', '=', kioskCode)
		.where('status', 'in', IN_PROGRESS)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

export async function consoleView(db: Kysely<Database>, kiosk: Kiosk, active: ActiveSession, now: Date): Promise<ConsoleView> {
	const ssoId = active.operator.sso_id;
	const balance = await walletBalance(db, ssoId);
	const ledger = await db
		.selectFrom('wallet_ledger')
		.selectAll()
		.where('operator_sso_id', '=', ssoId)
		.orderBy('id', 'desc')
		.limit(LEDGER_ROWS)
		.execute();
	const transactions = await db
		.selectFrom('payments as payment')
		.innerJoin('billers as biller', 'biller.id', 'payment.biller_id')
		.select([
			'payment.id',
			'payment.created_at',
			'payment.mode',
			'payment.to_collect_paise',
			'payment.status',
			'biller.name_en',
			'biller.name_hi'
		])
		.where('payment.kiosk_code', '=', kiosk.code)
		.where('payment.created_at', '>=', istDayStart(now).toISOString())
		.orderBy('payment.created_at', 'desc')
		.execute();
	const completed = transactions.filter((row) => (COMPLETED as readonly string[]).includes(row.status));
	const modes = [...new Set(completed.map((row) => row.mode))].sort();
	return {
		kiosk: { code: kiosk.code, district: kiosk.district, place: kiosk.place },
		wallet: {
			balancePaise: balance.balancePaise,
			heldPaise: balance.heldPaise,
			ledger: ledger.map((row) => ({
				at: row.at,
				kind: row.kind,
				amountPaise: row.amount_paise,
				balanceAfterPaise: row.balance_after_paise,
				paymentId: row.payment_id
			}))
		},
		today: {
			date: istDate(now),
			transactions: transactions.map((row) => ({
				id: row.id,
				at: row.created_at,
				biller: { en: row.name_en, hi: row.name_hi },
				mode: row.mode,
				amountPaise: row.to_collect_paise,
				status: row.status
			})),
			totals: modes.map((mode) => {
				const ofMode = completed.filter((row) => row.mode === mode);
				return { mode, count: ofMode.length, paise: ofMode.reduce((sum, row) => sum + row.to_collect_paise, 0) };
			}),
			count: completed.length,
			paise: completed.reduce((sum, row) => sum + row.to_collect_paise, 0)
		},
		cashBox: await cashBoxContents(db, kiosk.code),
		paymentsInProgress: await paymentsInProgress(db, kiosk.code)
	};
}

/** The operator took the notes out: what the hub counted in the box is recorded, and the count starts again. */
export async function recordCashBoxEmptied(db: Kysely<Database>, kiosk: Kiosk, active: ActiveSession, now: Date) {
	return db.transaction().execute(async (trx) => {
		const contents = await cashBoxContents(trx, kiosk.code);
		await trx
			.insertInto('cash_box_emptyings')
			.values({
				kiosk_code: kiosk.code,
				operator_sso_id: active.operator.sso_id,
				notes: contents.notes,
				amount_paise: contents.amountPaise,
				emptied_at: now.toISOString()
			})
			.execute();
		await audit(
			trx,
			{
				actor: active.operator.sso_id,
				action: 'console.cash_box_emptied',
				kioskCode: kiosk.code,
				detail: { notes: contents.notes, amountPaise: contents.amountPaise }
			},
			now
		);
		return cashBoxContents(trx, kiosk.code);
	});
}

/** Restarting the app mid-payment could strand a citizen's notes: refused while one is running. */
export async function approveRestart(db: Kysely<Database>, kiosk: Kiosk, active: ActiveSession, now: Date): Promise<void> {
	const running = await paymentsInProgress(db, kiosk.code);
	if (running > 0) {
		throw new ApiError(409, 'payment_in_progress', `${running} payment(s) in progress on this machine`);
	}
	await audit(db, { actor: active.operator.sso_id, action: 'console.restart', kioskCode: kiosk.code }, now);
}
