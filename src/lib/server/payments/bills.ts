import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Biller, Database, Kiosk, Operator, Payment } from '$lib/server/db/schema';
import { BillerUnavailableError, checkBillRequest, requirePayableBiller, type BillerBill, type BillHolder } from '$lib/server/billers';
import { operatorOfKiosk } from '$lib/server/fleet';
import { maskName } from '$lib/server/privacy/mask';
import type { BillQuote, BillRequest, CreatePaymentRequest, ModeUnavailableReason, PaymentMode, PaymentStatus } from '$lib/contract';
import { paymentAmounts, type PaymentAmounts } from './amounts';
import type { PaymentMethod } from './charges';
import { creditBalance, takeCredit } from './credits';
import { newTransactionId } from './ids';
import { istDate } from './india-time';
import { isDayClosing } from './day-closing';
import type { PaymentDeps } from './deps';
import { ConcurrentChangeError, recordAudit, retryOnConcurrentChange, transition } from './store';
import type { Finish } from './view';
import { holdForPayment, walletBalance } from './wallet';

interface DueBill {
	biller: Biller;
	holder: BillHolder;
	bill: BillerBill;
}

/** The bill a citizen asked for, or the refusal the kiosk words for them (nothing charged). */
async function fetchDueBill(deps: PaymentDeps, billerId: string, request: BillRequest): Promise<DueBill> {
	const biller = await requirePayableBiller(deps.db, billerId);
	const holder = checkBillRequest(biller, request);
	let lookup;
	try {
		lookup = await deps.billers(biller.id).fetchBill(holder.identifier);
	} catch (error) {
		if (error instanceof BillerUnavailableError) {
			throw new ApiError(424, 'biller_unavailable', `${biller.name_en} is not answering; try later`);
		}
		throw error;
	}
	if (lookup.kind === 'unknown_consumer') {
		throw new ApiError(404, 'unknown_consumer', `${biller.name_en} has no consumer ${holder.identifier}`);
	}
	if (lookup.kind === 'paid') {
		throw new ApiError(409, 'bill_already_paid', `Bill ${lookup.bill.billNumber} is already paid`);
	}
	return { biller, holder, bill: lookup.bill };
}

async function requireOperator(db: Kysely<Database>, kiosk: Kiosk): Promise<Operator> {
	const operator = await operatorOfKiosk(db, kiosk.code);
	if (operator === undefined) {
		throw new ApiError(403, 'kiosk_unmapped', `Kiosk ${kiosk.code} has no operator and cannot take payments`);
	}
	return operator;
}

/** Until the card is known, card online is shown (and held) at the debit-card charge. */
function methodOf(mode: PaymentMode): PaymentMethod {
	return mode === 'cardOnline' ? { mode, cardKind: 'debit' } : { mode };
}

/**
 * Why a mode cannot pay these amounts, or null. The wallet is checked only for cash: it pays the
 * biller the whole bill, so it must hold the bill amount.
 */
function modeRefusal(
	mode: PaymentMode,
	amounts: PaymentAmounts,
	biller: Biller,
	walletAvailablePaise: number,
	now: Date
): ModeUnavailableReason | null {
	if (biller.payment_modes !== null && !biller.payment_modes.split(',').includes(mode)) return 'not_offered';
	if (isDayClosing(now)) return 'day_closing';
	if (mode !== 'cash') return amounts.payablePaise === 0 ? 'covered_by_credit' : null;
	const limit = biller.cash_limit_paise;
	if (limit !== null && amounts.toCollectPaise > limit) return 'cash_limit_exceeded';
	if (walletAvailablePaise < amounts.billPaise) return 'wallet_insufficient';
	return null;
}

const REFUSAL_MESSAGES: Record<ModeUnavailableReason, string> = {
	not_offered: 'This payee does not take this payment mode',
	day_closing: 'Payments reopen at midnight',
	covered_by_credit: 'The credit on the account covers the bill; pay it as cash (nothing to insert)',
	cash_limit_exceeded: 'The bill is above the biller’s cash limit',
	wallet_insufficient: 'The operator’s wallet cannot cover this bill in cash'
};

/** The bill, the credit on the account and what each payment mode would take, before paying. */
export async function quoteBill(deps: PaymentDeps, kiosk: Kiosk, billerId: string, request: BillRequest): Promise<BillQuote> {
	const operator = await requireOperator(deps.db, kiosk);
	const { biller, holder, bill } = await fetchDueBill(deps, billerId, request);
	const now = deps.now();
	const account = { billerId: biller.id, identifier: holder.identifier };
	const creditAvailablePaise = await creditBalance(deps.db, account);
	const { availablePaise } = await walletBalance(deps.db, operator.sso_id);
	const quoteFor = (mode: Exclude<PaymentMode, 'cardOnline'>) => {
		const amounts = paymentAmounts(bill.amountPaise, creditAvailablePaise, { mode });
		const reason = modeRefusal(mode, amounts, biller, availablePaise, now);
		return reason === null
			? { available: true as const, feePaise: amounts.feePaise, toCollectPaise: amounts.toCollectPaise }
			: { available: false as const, reason };
	};
	const cardOnlineFor = (cardKind: 'debit' | 'credit') => {
		const amounts = paymentAmounts(bill.amountPaise, creditAvailablePaise, { mode: 'cardOnline', cardKind });
		return { feePaise: amounts.feePaise, toCollectPaise: amounts.toCollectPaise };
	};
	const base = paymentAmounts(bill.amountPaise, creditAvailablePaise, { mode: 'card' });
	const cardOnlineRefusal = modeRefusal('cardOnline', base, biller, availablePaise, now);
	return {
		biller: { id: biller.id, name: { en: biller.name_en, hi: biller.name_hi } },
		identifier: holder.identifier,
		consumerNameMasked: maskName(bill.consumerName),
		bill: {
			billNumber: bill.billNumber,
			billDate: bill.billDate,
			dueDate: bill.dueDate,
			amountPaise: bill.amountPaise,
			overdue: bill.dueDate < istDate(now)
		},
		creditAvailablePaise,
		creditAppliedPaise: base.creditAppliedPaise,
		payablePaise: base.payablePaise,
		modes: {
			cash: quoteFor('cash'),
			card: quoteFor('card'),
			cardOnline:
				cardOnlineRefusal === null
					? { available: true, debit: cardOnlineFor('debit'), credit: cardOnlineFor('credit') }
					: { available: false, reason: cardOnlineRefusal },
			aadhaar: quoteFor('aadhaar')
		}
	};
}

/** A bill can have one payment at a time that is not cancelled or reversed. */
const LIVE_STATUSES = ['created', 'awaiting_payment', 'paid', 'posted'] as const satisfies readonly PaymentStatus[];

function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Starts a payment, before any money moves: fixes the amounts, takes the account's credit,
 * holds the bill amount on the operator's wallet for cash, and leaves it awaiting payment.
 */
export async function createPayment(deps: PaymentDeps, kiosk: Kiosk, request: CreatePaymentRequest, finish: Finish) {
	const operator = await requireOperator(deps.db, kiosk);
	const { biller, holder, bill } = await fetchDueBill(deps, request.billerId, request);
	if (bill.billNumber !== request.billNumber) {
		const message = `${biller.name_en} now shows bill ${bill.billNumber}; fetch it again`;
		throw new ApiError(409, 'bill_changed', message);
	}
	const now = deps.now();
	const account = { billerId: biller.id, identifier: holder.identifier };
	try {
		return await retryOnConcurrentChange(() =>
			deps.db.transaction().execute(async (trx) => {
				const live = await trx
					.selectFrom('payments')
					.select('status')
					.where('biller_id', '=', biller.id)
					.where('bill_number', '=', bill.billNumber)
					.where('status', 'in', LIVE_STATUSES)
					.executeTakeFirst();
				if (live?.status === 'posted') {
					throw new ApiError(409, 'bill_already_paid', `Bill ${bill.billNumber} is already paid`);
				}
				if (live !== undefined) throw billInProgress(bill.billNumber);

				const creditPaise = await creditBalance(trx, account);
				const amounts = paymentAmounts(bill.amountPaise, creditPaise, methodOf(request.mode));
				const { availablePaise } = await walletBalance(trx, operator.sso_id);
				const refusal = modeRefusal(request.mode, amounts, biller, availablePaise, now);
				if (refusal !== null) throw new ApiError(422, refusal, REFUSAL_MESSAGES[refusal]);

				const created = await insertPayment(
					trx,
					{
						kiosk_code: kiosk.code,
						operator_sso_id: operator.sso_id,
						biller_id: biller.id,
						identifier: holder.identifier,
						bill_number: bill.billNumber,
						bill_date: bill.billDate,
						due_date: bill.dueDate,
						consumer_name: bill.consumerName,
						citizen_mobile: holder.smsMobile,
						citizen_email: holder.email,
						language: request.language,
						mode: request.mode,
						bill_amount_paise: amounts.billPaise,
						credit_applied_paise: amounts.creditAppliedPaise,
						fee_paise: amounts.feePaise,
						to_collect_paise: amounts.toCollectPaise
					},
					now
				);
				const creation = { paymentId: created.id, event: 'status', toStatus: 'created' as const };
				await recordAudit(trx, { ...creation, amountPaise: amounts.billPaise, detail: { ...amounts } }, now);

				const taken = await takeCredit(trx, account, amounts.creditAppliedPaise, created.id, now);
				if (taken !== amounts.creditAppliedPaise) {
					throw new ConcurrentChangeError(`The credit of ${biller.id} ${holder.identifier} changed`);
				}
				if (request.mode === 'cash') {
					const held = await holdForPayment(trx, operator.sso_id, created.id, amounts.billPaise, now);
					if (!held) throw new ApiError(422, 'wallet_insufficient', REFUSAL_MESSAGES.wallet_insufficient);
				}
				return finish(trx, await transition(trx, created, 'awaiting_payment', now));
			})
		);
	} catch (error) {
		// Another kiosk started paying the same bill in the same instant.
		if (isUniqueViolation(error)) throw billInProgress(bill.billNumber);
		throw error;
	}
}

const billInProgress = (billNumber: string) =>
	new ApiError(409, 'bill_payment_in_progress', `Bill ${billNumber} is being paid at a kiosk right now`);

type NewPayment = Pick<
	Payment,
	| 'kiosk_code'
	| 'operator_sso_id'
	| 'biller_id'
	| 'identifier'
	| 'bill_number'
	| 'bill_date'
	| 'due_date'
	| 'consumer_name'
	| 'citizen_mobile'
	| 'citizen_email'
	| 'language'
	| 'mode'
	| 'bill_amount_paise'
	| 'credit_applied_paise'
	| 'fee_paise'
	| 'to_collect_paise'
>;

/** Inserts the payment under a fresh transaction ID, drawing again on the rare clash. */
async function insertPayment(trx: Kysely<Database>, values: NewPayment, now: Date): Promise<Payment> {
	const at = now.toISOString();
	for (;;) {
		const inserted = await trx
			.insertInto('payments')
			.values({
				...values,
				id: newTransactionId(now),
				collected_paise: 0,
				credited_paise: 0,
				status: 'created',
				otp_last_incorrect: 0,
				posting_attempts: 0,
				created_at: at,
				updated_at: at
			})
			.onConflict((conflict) => conflict.column('id').doNothing())
			.returningAll()
			.executeTakeFirst();
		if (inserted !== undefined) return inserted;
	}
}
