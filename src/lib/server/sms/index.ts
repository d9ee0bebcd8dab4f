import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Locale, SmsOutbox } from '$lib/contract';

export interface SmsMessage {
	mobile: string;
	language: Locale;
	body: string;
	/** The payment it reports, if any. */
	paymentId: string | null;
	/** The kiosk a message that reports no payment (an OTP) was sent for. */
	kioskCode?: string;
}

/**
 * Sends SMS to citizens. `send` gets the database transaction that records what the message
 * reports, so a message exists exactly when its payment change committed (an outbox); a real
 * gateway's adapter relays from there.
 */
export interface SmsSender {
	send(trx: Kysely<Database>, message: SmsMessage, at: Date): Promise<void>;
}

/** The default: messages stay in the outbox table, where the tester panel shows them. */
export const outboxSmsSender: SmsSender = {
	async send(trx, message, at) {
		await trx
			.insertInto('sms_outbox')
			.values({
				mobile: message.mobile,
				language: message.language,
				body: message.body,
				payment_id: message.paymentId,
				kiosk_code: message.kioskCode ?? null,
				created_at: at.toISOString()
			})
			.execute();
	}
};

/** The newest messages about one kiosk's payments and requests (OTPs), newest first. */
export async function listSmsOutbox(db: Kysely<Database>, kioskCode: string, limit: number): Promise<SmsOutbox['messages']> {
	const rows = await db
		.selectFrom('sms_outbox as sms')
		.leftJoin('payments as payment', 'payment.id', 'sms.payment_id')
		.select(['sms.mobile', 'sms.language', 'sms.body', 'sms.payment_id', 'sms.created_at'])
		.where((eb) => eb.or([eb('payment.kiosk_code', '=', kioskCode), eb('sms.kiosk_code', '=', kioskCode)]))
		.orderBy('sms.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		mobile: row.mobile,
		language: row.language,
		body: row.body,
		transactionId: row.payment_id,
		createdAt: row.created_at
	}));
}

/**
 * Whether kiosks may read the outbox (the tester panel shows the SMS a simulated phone got, OTPs
 * included). Only a demo or test hub says so (`SMS_SIMULATOR=1`, set by `npm start` and the test
 * hubs); a production hub never shows citizens' numbers or OTPs to a kiosk.
 */
export function smsOutboxReadable(env: Record<string, string | undefined> = process.env): boolean {
	return env.SMS_SIMULATOR === '1';
}
