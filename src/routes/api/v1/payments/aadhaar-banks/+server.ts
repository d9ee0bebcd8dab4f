import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { listAadhaarBanks } from '$lib/server/payments';

/** The banks a citizen can choose for an Aadhaar payment. */
export const GET: RequestHandler = async () => json({ banks: await listAadhaarBanks(await getDatabase()) });
