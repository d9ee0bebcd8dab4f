import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';
import { maskName } from '$lib/server/privacy/mask';
import type { ReceiptVerification } from '$lib/contract';

/** All but the last four characters hidden: `XXXXXX2017`. */
function maskIdentifier(identifier: string): string {
	return 'X'.repeat(Math.max(0, identifier.length - 4)) + identifier.slice(-4);
}

/**
 * What the QR code on a receipt leads to: the hub's own record of the transaction, so a forged
 * or altered receipt shows up. Public, so it shows nothing that identifies the citizen.
 */
export async function verifyReceipt(db: Kysely<Database>, transactionId: string): Promise<ReceiptVerification> {
	const payment = await db
		.selectFrom('payments as payment')
		.innerJoin('billers as biller', 'biller.id', 'payment.biller_id')
		.selectAll('payment')
		.select(['biller.name_en', 'biller.name_hi'])
		.where('payment.id', '=', transactionId)
		.executeTakeFirst();
	if (payment === undefined) {
		throw new ApiError(404, 'unknown_receipt', `No e-Mitra+ transaction has the ID ${transactionId}`);
	}
	return {
		genuine: true,
		transactionId: payment.id,
		status: payment.status,
		biller: { en: payment.name_en, hi: payment.name_hi },
		identifierMasked: maskIdentifier(payment.identifier),
		consumerNameMasked: maskName(payment.consumer_name),
		billPaise: payment.bill_amount_paise,
		collectedPaise: payment.collected_paise,
		creditedPaise: payment.credited_paise,
		mode: payment.mode,
		kioskCode: payment.kiosk_code,
		createdAt: payment.created_at,
		postedAt: payment.posted_at
	};
}
