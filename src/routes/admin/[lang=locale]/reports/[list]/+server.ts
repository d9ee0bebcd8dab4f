import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { fleetLists, type FleetLists } from '$lib/server/fleet/machines';
import { fleetCsv } from '$lib/server/fleet/csv';
import { fleetFilterFrom } from '$lib/server/fleet/filter';
import { requireAdmin } from '$lib/server/operators/admin-guard';
import type { RequestHandler } from './$types';

const LISTS = { unmapped: 'unmapped', outdated: 'outdated', idle: 'idle', health: 'unhealthy' } as const satisfies Record<
	string,
	keyof Omit<FleetLists, 'currentVersion'>
>;

/** One of the dashboard's lists as CSV, with the same filters. */
export const GET: RequestHandler = async (event) => {
	await requireAdmin(event);
	const { params, url } = event;
	// Own keys only: `__proto__` or `constructor` is no list.
	if (!Object.hasOwn(LISTS, params.list)) error(404, 'error.pageNotFound');
	const list = LISTS[params.list as keyof typeof LISTS];
	const now = new Date();
	const { filter, idleDays } = fleetFilterFrom(url.searchParams);
	const lists = await fleetLists(await getDatabase(), now, filter, idleDays);
	return new Response(fleetCsv(lists[list]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="emitra-kiosks-${params.list}-${now.toISOString().slice(0, 10)}.csv"`
		}
	});
};
