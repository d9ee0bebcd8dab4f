import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ApiError, handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { enrolKiosk } from '$lib/server/kiosks/enrolment';
import { recordLoginFailure, refuseWhileRateLimited } from '$lib/server/operators/rate-limit';
import { enrolRequest } from '$lib/kiosk/enrolment-protocol';

/** The installer's one-time code and the kiosk's new public key: the machine is enrolled. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const subjects = { account: 'enrol', client: event.getClientAddress() };
		await refuseWhileRateLimited(db, subjects, now);
		const body = await readJsonBody(event.request, enrolRequest);
		try {
			return json(await enrolKiosk(db, body.enrolmentCode, body.publicKey, now), { status: 201 });
		} catch (error) {
			if (error instanceof ApiError && error.code === 'enrolment_code_invalid') await recordLoginFailure(db, subjects, now);
			throw error;
		}
	});
