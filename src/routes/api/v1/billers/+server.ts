import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { listBillers } from '$lib/server/billers';

/** The billers with their identifier rules and limits; the kiosk builds its bill menu from it. */
export const GET: RequestHandler = async () => json({ billers: await listBillers(await getDatabase()) });
