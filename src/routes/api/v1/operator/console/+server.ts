import type { RequestHandler } from './$types';
import { consoleView } from '$lib/server/operators/console';
import { consoleEndpoint } from '$lib/server/operators/http';

/** Wallet and ledger, today's transactions and totals, the cash box, payments in progress. */
export const GET: RequestHandler = (event) => consoleEndpoint(event, ({ db, kiosk, active, now }) => consoleView(db, kiosk, active, now));
