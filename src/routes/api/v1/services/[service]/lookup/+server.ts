import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { countLookup } from '$lib/server/departments/rate-limit';
import { requireKiosk } from '$lib/server/kiosks';
import { hubLimits } from '$lib/server/limits';
import { lookupRequest } from '$lib/contract';
import { runLookup } from '$lib/server/services/lookups';

/**
 * A citizen's transaction-status lookup: only from an enrolled kiosk, and counted against that
 * kiosk's lookups like every department lookup (a script walking transaction IDs is stopped).
 */
export const POST: RequestHandler = ({ request, params }) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const kiosk = await requireKiosk(db, request, now);
		await countLookup(db, kiosk.code, hubLimits().lookupsPerKiosk.hits, now);
		const { step, values } = await readJsonBody(request, lookupRequest);
		const result = await runLookup(db, params.service, step, values);
		return json(result);
	});
