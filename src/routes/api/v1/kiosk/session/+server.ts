import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { openKioskSession } from '$lib/server/kiosks/enrolment';
import { sessionRequest } from '$lib/kiosk/enrolment-protocol';

/** The signed nonce buys a short-lived session token. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const body = await readJsonBody(event.request, sessionRequest);
		return json(await openKioskSession(await getDatabase(), body, new Date()), { status: 201 });
	});
