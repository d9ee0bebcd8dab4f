import { json, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import type { ChoiceList } from '$lib/contract';
import { ApiError, handleApi, readJsonBody } from '$lib/server/api/http';
import type { Kiosk } from '$lib/server/db/schema';
import { requireKiosk } from '$lib/server/fleet';
import { getDepartmentDeps, type DepartmentDeps } from './deps';

/**
 * Reference lists are the same for every citizen, so kiosks (and their service worker) may keep
 * them: fresh for five minutes, then used while a newer copy is fetched.
 */
export const REFERENCE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

export function referenceList(answer: (deps: DepartmentDeps) => Promise<ChoiceList['options'] | null>) {
	return handleApi(async () => {
		const options = await answer(await getDepartmentDeps());
		if (options === null) throw new ApiError(404, 'unknown_place', 'There is no such place');
		return json({ options } satisfies ChoiceList, { headers: { 'cache-control': REFERENCE_CACHE_CONTROL } });
	});
}

/** A kiosk's government-service request: who is asking, the body checked, the answer as JSON. */
export function departmentRequest<Schema extends v.GenericSchema>(
	event: Pick<RequestEvent, 'request' | 'url'>,
	schema: Schema,
	answer: (deps: DepartmentDeps, kiosk: Kiosk, body: v.InferOutput<Schema>) => Promise<unknown>
): Promise<Response> {
	return handleApi(async () => {
		const deps = await getDepartmentDeps();
		const kiosk = await requireKiosk(deps.db, event.request);
		const body = await readJsonBody(event.request, schema);
		return json(await answer(deps, kiosk, body), { headers: { 'cache-control': 'no-store' } });
	});
}
