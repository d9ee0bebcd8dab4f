import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ApiError } from '$lib/server/api/http';
import { formFields } from '$lib/server/api/requests';
import { getDatabase } from '$lib/server/db';
import { getOperatorAuthenticator } from '$lib/server/operators/login';
import { ADMIN_COOKIE, logIn, setSessionCookie } from '$lib/server/operators/sessions';
import { loginRequest } from '$lib/contract';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, cookies, url, params, getClientAddress }) => {
		const form = (await formFields(request)) ?? new FormData();
		const typed = { ssoId: String(form.get('ssoId') ?? ''), password: String(form.get('password') ?? '') };
		const parsed = v.safeParse(loginRequest, typed);
		if (!parsed.success) {
			const fields = new Set(parsed.issues.map((issue) => v.getDotPath(issue)));
			return fail(400, { ssoId: typed.ssoId, missing: { ssoId: fields.has('ssoId'), password: fields.has('password') } });
		}
		const db = await getDatabase();
		try {
			const { token, expiresAt } = await logIn(
				db,
				getOperatorAuthenticator(db),
				parsed.output,
				{ kiosk: null, clientAddress: getClientAddress() },
				new Date()
			);
			setSessionCookie(cookies, ADMIN_COOKIE, token, expiresAt, url);
		} catch (error) {
			if (error instanceof ApiError) return fail(error.status, { ssoId: typed.ssoId, refused: error.code });
			throw error;
		}
		const next = url.searchParams.get('next');
		redirect(303, next && /^\/admin\/(en|hi)(\/[a-z0-9/._-]*)?(\?[\w=&%.-]*)?$/.test(next) ? next : `/admin/${params.lang}`);
	}
};
