import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { hashSecret } from '$lib/server/operators/secrets';
import { istDate } from '$lib/server/payments/india-time';
import { DEMO_ENROLMENT_CODES, DEMO_OPERATORS, DEMO_PASSWORD, DEMO_PIN } from './kiosks';
import { issueEnrolmentCode } from '$lib/server/fleet/enrolment';

// Hashed once per process: the demo accounts share a password, and scrypt is slow on purpose.
let demoHashes: Promise<{ password: string; pin: string }> | undefined;
const hashDemoSecrets = async () => ({ password: await hashSecret(DEMO_PASSWORD), pin: await hashSecret(DEMO_PIN.pin) });

/**
 * Demo passwords for operators that have none, Suresh's PIN on K1234567, and an enrolment code
 * for each demo machine not enrolled and not already given one. Runs after the machines and
 * operators are seeded; leaves alone whatever is already there.
 */
export async function seedMachineAccess(trx: Kysely<Database>, now: Date): Promise<void> {
	const hashes = await (demoHashes ??= hashDemoSecrets());
	await trx
		.updateTable('operators')
		.set({ password_hash: hashes.password })
		.where('password_hash', 'is', null)
		.where(
			'sso_id',
			'in',
			DEMO_OPERATORS.map((operator) => operator.sso_id)
		)
		.execute();
	await trx
		.insertInto('operator_pins')
		.values({
			operator_sso_id: DEMO_PIN.ssoId,
			kiosk_code: DEMO_PIN.kioskCode,
			pin_hash: hashes.pin,
			set_at: now.toISOString()
		})
		.onConflict((conflict) => conflict.columns(['operator_sso_id', 'kiosk_code']).doNothing())
		.execute();
	for (const [kioskCode, code] of Object.entries(DEMO_ENROLMENT_CODES)) {
		const enrolled = await trx.selectFrom('kiosk_keys').select('kiosk_code').where('kiosk_code', '=', kioskCode).executeTakeFirst();
		const issued = await trx
			.selectFrom('kiosk_enrolment_codes')
			.select('kiosk_code')
			.where('kiosk_code', '=', kioskCode)
			.executeTakeFirst();
		if (!enrolled && !issued) await issueEnrolmentCode(trx, kioskCode, 'system', now, code);
	}
}

/** Demo machines' card payments over the last two weeks, for the programme office's chart and lists. */
const HISTORY = [
	// K2045318 (Ajmer) went quiet ten days ago: it is on the "no transactions" list.
	{
		kioskCode: 'K1234567',
		ssoId: 'SURESHSHARMA1984',
		perDay: 6,
		fromDaysAgo: 13,
		toDaysAgo: 1,
		billers: ['airtel', 'jvvnl', 'phed', 'bsnl-mobile']
	},
	{ kioskCode: 'K3187402', ssoId: 'ARJUNSINGH1987', perDay: 3, fromDaysAgo: 13, toDaysAgo: 1, billers: ['jdvvnl', 'idea', 'phed'] },
	{ kioskCode: 'K4521096', ssoId: 'RAJURAM1992', perDay: 2, fromDaysAgo: 13, toDaysAgo: 2, billers: ['jdvvnl', 'bsnl-landline'] },
	{ kioskCode: 'K2045318', ssoId: 'MEENAKUMARI1990', perDay: 2, fromDaysAgo: 13, toDaysAgo: 10, billers: ['avvnl', 'vodafone'] }
] as const;

/**
 * Posted card payments (no cash, so no wallet or cash box is touched), only into a database that
 * has none yet: each day at 10:00 IST and every 47 minutes after, amounts varying by the day.
 */
export async function seedPaymentHistory(trx: Kysely<Database>, now: Date): Promise<void> {
	const existing = await trx.selectFrom('payments').select('id').where('bill_number', 'like', 'DEMO-%').limit(1).executeTakeFirst();
	if (existing) return;
	const rows = HISTORY.flatMap((kiosk, kioskIndex) =>
		Array.from({ length: kiosk.fromDaysAgo - kiosk.toDaysAgo + 1 }, (_, dayIndex) => kiosk.fromDaysAgo - dayIndex).flatMap((daysAgo) =>
			Array.from({ length: kiosk.perDay - (daysAgo % 2) }, (_, slot) => {
				const day = istDate(new Date(now.getTime() - daysAgo * 86_400_000));
				const at = new Date(Date.parse(`${day}T10:00:00+05:30`) + slot * 47 * 60_000).toISOString();
				const id = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}9${kioskIndex}${String(slot).padStart(4, '0')}`;
				const amountPaise = 20_000 + ((daysAgo * 7 + slot * 13 + kioskIndex * 5) % 40) * 2_500;
				const billerId = kiosk.billers[(daysAgo + slot) % kiosk.billers.length] ?? 'airtel';
				return {
					id,
					kiosk_code: kiosk.kioskCode,
					operator_sso_id: kiosk.ssoId,
					biller_id: billerId,
					identifier: `DEMO${id}`,
					bill_number: `DEMO-${id}`,
					bill_date: day,
					due_date: day,
					consumer_name: 'Demo consumer',
					citizen_mobile: null,
					citizen_email: null,
					language: 'hi' as const,
					mode: 'card' as const,
					bill_amount_paise: amountPaise,
					credit_applied_paise: 0,
					fee_paise: 0,
					to_collect_paise: amountPaise,
					collected_paise: amountPaise,
					credited_paise: 0,
					status: 'posted' as const,
					cancel_reason: null,
					decline_reason: null,
					instrument_masked: '607384XXXXXX4947',
					instrument_label: 'RuPay',
					auth_code: 'DEMO01',
					rrn: `DM${id.slice(2)}`,
					gateway_session_id: null,
					otp_attempts_left: null,
					otp_last_incorrect: 0 as const,
					biller_reference: `DEMO${id}`,
					posting_attempts: 1,
					next_posting_at: null,
					last_posting_error: null,
					created_at: at,
					updated_at: at,
					paid_at: at,
					posted_at: at,
					closed_at: null
				};
			})
		)
	);
	for (let start = 0; start < rows.length; start += 50)
		await trx
			.insertInto('payments')
			.values(rows.slice(start, start + 50))
			.execute();
}
