import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/http';
import { getDepartmentServices, verifyDocument } from '$lib/server/departments';
import { hubLimits, spendHit } from '$lib/server/limits';

/**
 * Where a printed certificate's or marksheet's QR code leads: is it genuine? Public, so limited
 * per client address.
 */
export const GET: RequestHandler = ({ params, getClientAddress }) =>
	handleApi(async () => {
		const services = await getDepartmentServices();
		await spendHit(services.db, hubLimits().publicPerClient, getClientAddress(), services.now());
		return json(await verifyDocument(services.db, services.departments, params.kind, params.number));
	});
