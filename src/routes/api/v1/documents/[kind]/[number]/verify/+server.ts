import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi } from '$lib/server/api/http';
import { getDepartmentServices, verifyDocument } from '$lib/server/departments';

/** Where a printed certificate's or marksheet's QR code leads: is it genuine? Public. */
export const GET: RequestHandler = ({ params }) =>
	handleApi(async () => {
		const services = await getDepartmentServices();
		return json(await verifyDocument(services.db, services.departments, params.kind, params.number));
	});
