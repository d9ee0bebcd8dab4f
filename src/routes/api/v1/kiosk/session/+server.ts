import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { hubLimits, spendHit } from '$lib/server/limits';
import { openKioskSession } from '$lib/server/fleet/enrolment';
import { sessionRequest } from '$lib/contract';

/** The signed nonce buys a short-lived session token; anonymous, so limited per client address. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		await spendHit(db, hubLimits().publicPerClient, event.getClientAddress(), now);
		const body = await readJsonBody(event.request, sessionRequest);
		return json(await openKioskSession(db, body, now), { status: 201 });
	});
