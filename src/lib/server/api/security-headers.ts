/**
 * The headers every answer of the hub carries besides the page CSP (svelte.config.js): no MIME
 * sniffing, no full URLs leaked to other sites, HTTPS only once a browser has seen it over HTTPS,
 * and the powerful browser features — the kiosk's camera, microphone, serial and USB devices and
 * full screen — for the kiosk's own origin only, everything else off.
 */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'permissions-policy': [
			'camera=(self)',
			'microphone=(self)',
			'serial=(self)',
			'usb=(self)',
			'fullscreen=(self)',
			'geolocation=()',
			'payment=()',
			'bluetooth=()',
			'hid=()',
			'display-capture=()'
		].join(', ')
	};
	// Sent over HTTPS only: over plain HTTP a browser ignores it, and a tester's http://localhost
	// must not be told to insist on HTTPS for a year.
	if (url.protocol === 'https:') headers['strict-transport-security'] = 'max-age=31536000';
	return headers;
}
