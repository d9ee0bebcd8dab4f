import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { verifyReceipt } from '$lib/server/payments';

/** Where a receipt's QR code leads: is this transaction genuine, and what did it pay? Public. */
export const GET: RequestHandler = ({ params }) =>
	handleApi(async () => json(await verifyReceipt(await getDatabase(), params.id)));
