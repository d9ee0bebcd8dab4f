/**
 * Kiosk screens render in the browser only: they live on sessionStorage and the kiosk's devices,
 * and a shell without server rendering is what the service worker can keep for offline use.
 */
export const ssr = false;
