import { dev, version } from '$app/environment';
import { Workbox } from 'workbox-window';

/** Remembers, across restarts, that the hub refused this build as outdated. */
const OUTDATED_KEY = 'emitra.outdatedVersion';
/** How often the kiosk asks for a new version (the hub serves the kiosk app). */
const UPDATE_CHECK_MS = 30 * 60_000;
/** While the hub says this build is outdated, ask much more often. */
const URGENT_CHECK_MS = 60_000;

const updates = $state({
	/** The hub refused this build: no new transaction until the new version runs. */
	required: false,
	/** A new version is installed and waits for the kiosk to be between citizens. */
	waiting: false
});

let workbox: Workbox | undefined;

export const updateRequired = () => updates.required;
export const updateWaiting = () => updates.waiting;

/** The hub refused a transaction as `kiosk_outdated`: show "updating" and fetch the new version. */
export function requireUpdate(): void {
	updates.required = true;
	localStorage.setItem(OUTDATED_KEY, version);
	void workbox?.update();
}

/**
 * Registers the service worker through workbox-window and keeps asking for new versions. A new
 * version installs in the background and waits; `activateWaitingUpdate` lets it take over.
 */
export function startUpdates(): () => void {
	updates.required = localStorage.getItem(OUTDATED_KEY) === version;
	if (!updates.required) localStorage.removeItem(OUTDATED_KEY);
	if (dev || !('serviceWorker' in navigator)) return () => undefined;
	workbox = new Workbox('/service-worker.js');
	workbox.addEventListener('waiting', () => (updates.waiting = true));
	// The new version controls the page: load it, so page and service worker are the same version.
	workbox.addEventListener('controlling', (event) => {
		if (event.isUpdate) location.reload();
	});
	// Without a service worker (blocked by policy or a test) the kiosk still runs, only not offline.
	workbox.register().catch(() => undefined);
	const timer = setInterval(() => void workbox?.update(), updates.required ? URGENT_CHECK_MS : UPDATE_CHECK_MS);
	return () => clearInterval(timer);
}

/**
 * Whether the kiosk is between citizens, where a new version may take over: on the language screen
 * (or the "updating" screen, which no citizen can use), with no payment on the screen and every
 * queued payment sent.
 */
export function isBetweenCitizens(kiosk: {
	pathname: string;
	updating: boolean;
	paymentOnScreen: boolean;
	queuedPayments: number;
}): boolean {
	return (kiosk.pathname === '/' || kiosk.updating) && !kiosk.paymentOnScreen && kiosk.queuedPayments === 0;
}

/**
 * Lets the waiting version take over, only between citizens: on the language screen, with no
 * payment on the screen and no queued payment still to send (the caller checks all three).
 */
export function activateWaitingUpdate(): void {
	if (updates.waiting) workbox?.messageSkipWaiting();
}
