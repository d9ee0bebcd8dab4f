/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { StaleWhileRevalidate } from 'workbox-strategies';
import { OUTBOX_SYNC_MESSAGE, OUTBOX_SYNC_TAG } from '$lib/checkout/outbox/sync';

const worker = self as unknown as ServiceWorkerGlobalScope;

/**
 * The kiosk's offline app shell. Everything the build made, the static files and the kiosk's
 * HTML shell are cached at install, so the kiosk starts and every screen renders with the network
 * off. Payments never go through here: the page's outbox sends them (DESIGN.md forbids Workbox
 * background-sync for payments), and Background Sync only wakes the page's runner.
 */

/**
 * Kiosk and operator screens render in the browser (ssr off): one HTML shell serves them all, so
 * the operator sees queued payments on a kiosk that is offline too.
 */
const SHELL = '/';
const KIOSK_PAGES = [/^\/$/, /^\/(hi|en)(\/|$)/, /^\/operator(\/|$)/];

// Hashed build files never change under one name; the rest are tied to the kiosk's version.
const immutable = (url: string) => url.includes('/_app/immutable/');
precacheAndRoute([
	...build.map((url) => ({ url, revision: immutable(url) ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	{ url: SHELL, revision: version }
]);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL(SHELL), { allowlist: KIOSK_PAGES }));

/** The biller catalogue and reference data (districts, tehsils…): shown at once, refreshed behind. */
registerRoute(
	({ url, request, sameOrigin }) =>
		sameOrigin && request.method === 'GET' && (url.pathname === '/api/v1/billers' || url.pathname.startsWith('/api/v1/reference/')),
	new StaleWhileRevalidate({
		cacheName: 'emitra-hub-data',
		plugins: [new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60 })]
	})
);

// A new version waits until the page says the kiosk is between citizens (workbox-window's message).
worker.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}

worker.addEventListener('sync', ((event: SyncEvent) => {
	if (event.tag !== OUTBOX_SYNC_TAG) return;
	event.waitUntil(
		worker.clients.matchAll({ type: 'window' }).then((pages) => {
			for (const page of pages) page.postMessage({ type: OUTBOX_SYNC_MESSAGE });
		})
	);
}) as EventListener);
