import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { fleetChoices, fleetLists, transactionsChart } from '$lib/server/fleet/machines';
import { fleetFilterFrom } from '$lib/server/fleet/filter';
import { requireAdmin } from '$lib/server/operators/admin-guard';
import { ADMIN_COOKIE, clearSessionCookie, endSession } from '$lib/server/operators/sessions';
import type { Actions, PageServerLoad } from './$types';

/** The programme office's dashboard: the manual's three lists, fleet health and the chart. */
export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	const { url } = event;
	const db = await getDatabase();
	const now = new Date();
	const { filter, idleDays } = fleetFilterFrom(url.searchParams);
	return {
		filter: { district: filter.district ?? '', vendor: filter.vendor ?? '', days: idleDays },
		query: url.search,
		lists: await fleetLists(db, now, filter, idleDays),
		chart: await transactionsChart(db, now, filter),
		choices: await fleetChoices(db)
	};
};

export const actions: Actions = {
	logout: async (event) => {
		await endSession(await getDatabase(), await requireAdmin(event), new Date());
		clearSessionCookie(event.cookies, ADMIN_COOKIE, event.url);
		redirect(303, `/admin/${event.params.lang}/login`);
	}
};
