import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { lookupRequest } from '$lib/flows/hub-protocol';
import { runLookup } from '$lib/server/services/lookups';

/** A citizen's lookup (transaction status, and later bill fetch, certificates…). */
export const POST: RequestHandler = ({ request, params }) =>
	handleApi(async () => {
		const { step, values } = await readJsonBody(request, lookupRequest);
		const result = await runLookup(await getDatabase(), params.service, step, values);
		return json(result);
	});
