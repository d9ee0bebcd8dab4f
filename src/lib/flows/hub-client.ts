import { lookupPath, type LookupRequest } from './hub-protocol';

export type LookupResponse =
	| { kind: 'found'; result: unknown }
	/** The hub refused with a code the flow words at a field (e.g. not_found). */
	| { kind: 'refused'; code: string; fields?: Record<string, string> }
	| { kind: 'rate-limited' }
	/** No answer: network down or hub off. Nothing happened on the hub. */
	| { kind: 'unreachable' }
	| { kind: 'failed' };

/** Long enough for a slow village link, short enough that a citizen is not left staring. */
const LOOKUP_TIMEOUT_MS = 15_000;

export async function requestLookup(
	fetchImpl: typeof fetch,
	serviceId: string,
	request: LookupRequest
): Promise<LookupResponse> {
	let response: Response;
	try {
		response = await fetchImpl(lookupPath(serviceId), {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(request),
			signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS)
		});
	} catch {
		return { kind: 'unreachable' };
	}
	if (response.status === 429) return { kind: 'rate-limited' };
	const body: unknown = await response.json().catch(() => undefined);
	if (response.ok && body && typeof body === 'object' && 'result' in body) {
		return { kind: 'found', result: body.result };
	}
	if (response.status < 500 && body && typeof body === 'object' && 'error' in body) {
		const error = body.error as { code?: unknown; fields?: Record<string, string> };
		if (typeof error.code === 'string') {
			return { kind: 'refused', code: error.code, fields: error.fields };
		}
	}
	// A proxy's 502/504 means the hub itself was not reached.
	return response.status === 502 || response.status === 504 ? { kind: 'unreachable' } : { kind: 'failed' };
}
