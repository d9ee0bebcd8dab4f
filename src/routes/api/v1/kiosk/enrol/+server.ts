import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { enrolKiosk } from '$lib/server/fleet/enrolment';
import { hubLimits, refundHit, spendHit } from '$lib/server/limits';
import { enrolRequest } from '$lib/contract';

/**
 * The installer's one-time code and the kiosk's new public key: the machine is enrolled. Tries
 * are counted per client address before the code is checked; a right code gives its try back (an
 * installer enrolling a row of machines from one office is not slowed).
 */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const limit = hubLimits().enrolPerClient;
		const client = event.getClientAddress();
		await spendHit(db, limit, client, now);
		const body = await readJsonBody(event.request, enrolRequest);
		const enrolled = await enrolKiosk(db, body.enrolmentCode, body.publicKey, now);
		await refundHit(db, limit, client, now);
		return json(enrolled, { status: 201 });
	});
