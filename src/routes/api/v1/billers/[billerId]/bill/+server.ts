import type { RequestHandler } from './$types';
import { readJsonBody } from '$lib/server/api/http';
import { kioskQuery, quoteBill } from '$lib/server/payments';
import { billRequest } from '$lib/contract';

/** "बिल प्राप्त करें": the bill, the credit on the account and what each payment mode would take. */
export const POST: RequestHandler = (event) =>
	kioskQuery(event, async (deps, kiosk) => quoteBill(deps, kiosk, event.params.billerId, await readJsonBody(event.request, billRequest)));
