import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { handleApi, readJsonBody } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import { requireKiosk } from '$lib/server/fleet';
import { recordHeartbeat } from '$lib/server/fleet/heartbeats';
import { heartbeatRequest, KIOSK_VERSION_HEADER } from '$lib/contract';

export const POST: RequestHandler = (event) =>
	handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const kiosk = await requireKiosk(db, event.request, now);
		const report = await readJsonBody(event.request, heartbeatRequest);
		await recordHeartbeat(db, kiosk, event.request.headers.get(KIOSK_VERSION_HEADER)?.trim() ?? '', report, now);
		return json({ receivedAt: now.toISOString() });
	});
