import { KIOSK_CODE_HEADER } from '$lib/payments/protocol';
import { readKioskConfig } from './config';

/** Long enough for a slow village link, short enough that a citizen is not left staring. */
export const HUB_TIMEOUT_MS = 15_000;

/** What came back from the hub, sorted the way every kiosk screen needs it. */
export type HubAnswer<Body = unknown> =
	| { kind: 'ok'; status: number; body: Body }
	/** The hub refused with a machine-readable code (and field codes for bad fields). */
	| { kind: 'refused'; status: number; code: string; fields?: Record<string, string> }
	| { kind: 'rate-limited' }
	/** No answer: network down, hub off, or a proxy in between could not reach it. */
	| { kind: 'unreachable' }
	| { kind: 'failed'; status: number };

/**
 * Calls the hub as this kiosk: JSON in and out, the kiosk's code in a header, a time limit.
 * Never throws for network or HTTP trouble; the caller words each kind for the citizen.
 */
export async function callHub<Body = unknown>(
	fetchImpl: typeof fetch,
	path: string,
	init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {}
): Promise<HubAnswer<Body>> {
	const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
	let response: Response;
	try {
		response = await fetchImpl(path, {
			method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
			headers: {
				accept: 'application/json',
				[KIOSK_CODE_HEADER]: readKioskConfig(storage).kioskCode,
				...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
				...init.headers
			},
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			signal: AbortSignal.timeout(HUB_TIMEOUT_MS)
		});
	} catch {
		return { kind: 'unreachable' };
	}
	if (response.status === 429) return { kind: 'rate-limited' };
	const body: unknown = await response.json().catch(() => undefined);
	if (response.ok && body !== undefined) return { kind: 'ok', status: response.status, body: body as Body };
	if (response.status < 500 && body && typeof body === 'object' && 'error' in body) {
		const error = body.error as { code?: unknown; fields?: Record<string, string> };
		if (typeof error.code === 'string') {
			return { kind: 'refused', status: response.status, code: error.code, fields: error.fields };
		}
	}
	return response.status === 502 || response.status === 504
		? { kind: 'unreachable' }
		: { kind: 'failed', status: response.status };
}
