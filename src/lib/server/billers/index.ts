import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Biller, Database } from '$lib/server/db/schema';
import type { BillerInfo, BillRequest } from '$lib/contract';

export * from './adapter';
export { ReferenceBillerAdapter, referenceBillerDirectory } from './reference-adapter';

/** The billers a kiosk offers, in menu order; one that is down is listed as unavailable. */
export async function listBillers(db: Kysely<Database>): Promise<BillerInfo[]> {
	const rows = await db
		.selectFrom('billers')
		.selectAll()
		.where('status', '!=', 'disabled')
		.where('listed', '=', 1)
		.orderBy('sort_order')
		.orderBy('id')
		.execute();
	return rows.map(billerInfo);
}

export function billerInfo(biller: Biller): BillerInfo {
	return {
		id: biller.id,
		name: { en: biller.name_en, hi: biller.name_hi },
		category: biller.category,
		identifier: {
			label: { en: biller.identifier_label_en, hi: biller.identifier_label_hi },
			pattern: biller.identifier_pattern,
			length: biller.identifier_length,
			isMobile: biller.identifier_is_mobile === 1
		},
		mobileRequired: biller.mobile_required === 1,
		cashLimitPaise: biller.cash_limit_paise,
		available: biller.status === 'enabled'
	};
}

/**
 * A biller a citizen can pay now: unknown and disabled ones are 404; one whose system is down is
 * 424 `biller_unavailable` — the request failed on something it depends on, which the kiosk words
 * for the citizen ("this biller is not answering"); the hub itself is fine, so not a 5xx.
 */
export async function requirePayableBiller(db: Kysely<Database>, billerId: string): Promise<Biller> {
	const biller = await db.selectFrom('billers').selectAll().where('id', '=', billerId).executeTakeFirst();
	if (biller === undefined || biller.status === 'disabled') {
		throw new ApiError(404, 'unknown_biller', `There is no biller ${billerId}`);
	}
	if (biller.status === 'down') {
		throw new ApiError(424, 'biller_unavailable', `${biller.name_en} is not answering; try later`);
	}
	return biller;
}

/** Who the bill belongs to and where its SMS goes, checked against the biller's own rules. */
export interface BillHolder {
	identifier: string;
	/** The mobile given, or the bill's own number when the identifier is a mobile number. */
	smsMobile: string | null;
	email: string | null;
}

export function checkBillRequest(biller: Biller, request: BillRequest): BillHolder {
	const fields: Record<string, string> = {};
	if (!new RegExp(biller.identifier_pattern).test(request.identifier)) fields.identifier = 'format';
	if (biller.mobile_required === 1 && request.mobile === undefined) fields.mobile = 'required';
	if (Object.keys(fields).length > 0) {
		throw new ApiError(400, 'invalid_fields', `Some values do not fit ${biller.name_en}'s rules`, fields);
	}
	const identifierMobile = biller.identifier_is_mobile === 1 ? request.identifier : null;
	return {
		identifier: request.identifier,
		smsMobile: request.mobile ?? identifierMobile,
		email: request.email ?? null
	};
}
