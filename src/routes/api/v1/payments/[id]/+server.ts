import type { RequestHandler } from './$types';
import { getPayment, kioskQuery } from '$lib/server/payments';

/** A payment as it stands: to resolve an unknown outcome, to resume after a reload, to reprint. */
export const GET: RequestHandler = (event) =>
	kioskQuery(event, (deps, kiosk) => getPayment(deps.db, kiosk, event.params.id, event.url.origin));
