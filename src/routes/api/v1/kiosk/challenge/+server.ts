import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { issueChallenge } from '$lib/server/kiosks/enrolment';
import { challengeRequest } from '$lib/kiosk/enrolment-protocol';

/** A single-use nonce for an enrolled machine to sign. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const { kioskCode } = await readJsonBody(event.request, challengeRequest);
		return json(await issueChallenge(await getDatabase(), kioskCode, new Date()));
	});
