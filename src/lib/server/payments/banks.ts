import type { Kysely } from 'kysely';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';
import type { AadhaarBankList } from '$lib/contract';

/** The banks a citizen can pay from with Aadhaar, in the order the kiosk lists them. */
export async function listAadhaarBanks(db: Kysely<Database>): Promise<AadhaarBankList['banks']> {
	const banks = await db.selectFrom('aeps_banks').selectAll().orderBy('sort_order').execute();
	return banks.map((bank) => ({ iin: bank.iin, name: { en: bank.name_en, hi: bank.name_hi } }));
}

export async function requireAadhaarBank(db: Kysely<Database>, iin: string) {
	const bank = await db.selectFrom('aeps_banks').selectAll().where('iin', '=', iin).executeTakeFirst();
	if (bank === undefined) throw new ApiError(422, 'unknown_bank', `No Aadhaar-payment bank has IIN ${iin}`);
	return bank;
}
