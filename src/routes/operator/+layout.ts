/** The console drives the kiosk's own devices, so it renders in the browser only. */
export const ssr = false;
