import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { requireKiosk } from '$lib/server/fleet';
import { getOperatorAuthenticator } from '$lib/server/operators/login';
import { logIn, OPERATOR_COOKIE, sessionView, setSessionCookie } from '$lib/server/operators/sessions';
import { loginRequest } from '$lib/contract';

/** An operator logs in at the machine (SSO ID and password); only the operator mapped to it gets in. */
export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const kiosk = await requireKiosk(db, event.request, now);
		const credentials = await readJsonBody(event.request, loginRequest);
		const { token, expiresAt, active } = await logIn(
			db,
			getOperatorAuthenticator(db),
			credentials,
			{ kiosk, clientAddress: event.getClientAddress() },
			now
		);
		setSessionCookie(event.cookies, OPERATOR_COOKIE, token, expiresAt, event.url);
		return json(await sessionView(db, active));
	});
