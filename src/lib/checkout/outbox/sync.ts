/** The Background Sync tag the service worker answers by waking the page's outbox runner. */
export const OUTBOX_SYNC_TAG = 'emitra-outbox';
/** What the service worker posts to the kiosk's pages when Background Sync fires. */
export const OUTBOX_SYNC_MESSAGE = 'emitra-outbox-sync';
