import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { hubLimits, spendHit } from '$lib/server/limits';
import { issueChallenge } from '$lib/server/fleet/enrolment';
import { challengeRequest } from '$lib/contract';

/** A single-use nonce for a machine to sign; anonymous, so limited per client address. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		await spendHit(db, hubLimits().publicPerClient, event.getClientAddress(), now);
		const { kioskCode } = await readJsonBody(event.request, challengeRequest);
		return json(await issueChallenge(db, kioskCode, now));
	});
