import type { RequestHandler } from './$types';
import { lookupEndpoint } from '$lib/server/lookups';

/** A citizen's lookup, for every service alike: transaction status and each department's question. */
export const POST: RequestHandler = (event) => lookupEndpoint(event);
