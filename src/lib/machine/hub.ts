import { version } from '$app/environment';
import { KIOSK_VERSION_HEADER } from '$lib/contract';
import { reportHubAnswer } from './connectivity.svelte';
import { forgetKioskToken, kioskToken } from './identity';

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

/** The hub's answers that mean "sign in again": the token lapsed, or the hub never issued it. */
const REAUTHENTICATE = new Set(['kiosk_session_expired', 'kiosk_unauthenticated']);

/**
 * Calls the hub as this kiosk: JSON in and out, the kiosk's session token (see identity.ts) and
 * version in headers, a time limit. When the token has lapsed the kiosk signs a new challenge and
 * tries once more. Never throws for network or HTTP trouble; the caller words each kind for the citizen.
 */
export async function callHub<Body = unknown>(
	fetchImpl: typeof fetch,
	path: string,
	init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {}
): Promise<HubAnswer<Body>> {
	const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
	const send = async (): Promise<Response> => {
		const token = await kioskToken(fetchImpl);
		return fetchImpl(path, {
			method,
			headers: {
				accept: 'application/json',
				...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
				[KIOSK_VERSION_HEADER]: version,
				...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
				...init.headers
			},
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			signal: AbortSignal.timeout(HUB_TIMEOUT_MS)
		});
	};
	let response: Response;
	try {
		response = await send();
		if (response.status === 401 && REAUTHENTICATE.has(await refusalCode(response.clone()))) {
			forgetKioskToken();
			response = await send();
		}
	} catch {
		reportHubAnswer(path, method, false);
		return { kind: 'unreachable' };
	}
	// A proxy answering for a hub it cannot reach is no answer from the hub.
	reportHubAnswer(path, method, response.status !== 502 && response.status !== 504);
	if (response.status === 429) return { kind: 'rate-limited' };
	const body: unknown = await response.json().catch(() => undefined);
	if (response.ok && body !== undefined) return { kind: 'ok', status: response.status, body: body as Body };
	if (response.status < 500 && body && typeof body === 'object' && 'error' in body) {
		const error = body.error as { code?: unknown; fields?: Record<string, string> };
		if (typeof error.code === 'string') {
			return { kind: 'refused', status: response.status, code: error.code, fields: error.fields };
		}
	}
	return response.status === 502 || response.status === 504 ? { kind: 'unreachable' } : { kind: 'failed', status: response.status };
}

async function refusalCode(response: Response): Promise<string> {
	const body: unknown = await response.json().catch(() => undefined);
	const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
	return typeof code === 'string' ? code : '';
}
