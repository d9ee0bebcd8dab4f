import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { hubLimits, spendHit } from '$lib/server/limits';
import { verifyReceipt } from '$lib/server/payments';

/**
 * Where a receipt's QR code leads: is this transaction genuine, and what did it pay? Public, so
 * limited per client address (a script walking receipt numbers is slowed, a phone is not).
 */
export const GET: RequestHandler = ({ params, getClientAddress }) =>
	handleApi(async () => {
		const db = await getDatabase();
		await spendHit(db, hubLimits().publicPerClient, getClientAddress(), new Date());
		return json(await verifyReceipt(db, params.id));
	});
