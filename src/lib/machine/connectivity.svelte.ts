import { API_PATHS } from '$lib/contract';

/** What the service worker answers from its cache when the hub is away (stale-while-revalidate). */
export const CACHED_HUB_PATHS = [API_PATHS.billers, '/api/v1/reference/'];
/** How often an unreachable hub is asked again (the outbox runner has its own backoff). */
const PROBE_MS = 15_000;
const HEALTH_PATH = '/api/v1/health';

/**
 * Whether this kiosk can reach its hub right now: false after a request got no answer, true again
 * after one did. An answer to a GET the service worker may give from its cache proves nothing.
 */
const hub = $state({ reachable: true });

export const hubReachable = () => hub.reachable;

export function reportHubAnswer(path: string, method: string, reached: boolean): void {
	const alwaysNetwork = method !== 'GET' || !CACHED_HUB_PATHS.some((cached) => path.startsWith(cached));
	if (!reached) hub.reachable = false;
	else if (alwaysNetwork) hub.reachable = true;
}

/**
 * Follows the browser's online/offline events and, while the hub is unreachable, asks its health
 * endpoint now and then, so the screens come back as soon as the hub does. Returns what stops it.
 */
export function watchConnectivity(probe: () => Promise<unknown>): () => void {
	const onOffline = () => (hub.reachable = false);
	const onOnline = () => void probe();
	addEventListener('offline', onOffline);
	addEventListener('online', onOnline);
	if (!navigator.onLine) hub.reachable = false;
	const timer = setInterval(() => {
		if (!hub.reachable) void probe();
	}, PROBE_MS);
	return () => {
		removeEventListener('offline', onOffline);
		removeEventListener('online', onOnline);
		clearInterval(timer);
	};
}

export { HEALTH_PATH };
