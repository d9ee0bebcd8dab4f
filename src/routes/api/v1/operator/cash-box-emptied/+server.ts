import type { RequestHandler } from './$types';
import { recordCashBoxEmptied } from '$lib/server/operators/console';
import { consoleEndpoint } from '$lib/server/operators/http';

export const POST: RequestHandler = (event) =>
	consoleEndpoint(event, ({ db, kiosk, active, now }) => recordCashBoxEmptied(db, kiosk, active, now));
