import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/http';
import { getDepartmentDeps, verifyDocument } from '$lib/server/departments';
import { hubLimits, spendHit } from '$lib/server/limits';

/**
 * Where a printed certificate's or marksheet's QR code leads: is it genuine? Public, so limited
 * per client address.
 */
export const GET: RequestHandler = ({ params, getClientAddress }) =>
	handleApi(async () => {
		const deps = await getDepartmentDeps();
		await spendHit(deps.db, hubLimits().publicPerClient, getClientAddress(), deps.now());
		return json(await verifyDocument(deps.db, deps.departments, params.kind, params.number));
	});
