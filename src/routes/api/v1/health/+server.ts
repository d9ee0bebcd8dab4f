import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { sql } from 'kysely';

/** The kiosk and the load balancer ask this to know the hub and its database answer. */
export const GET: RequestHandler = async () => {
	await sql`select 1`.execute(await getDatabase());
	return json({ ok: true, time: new Date().toISOString() });
};
