import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('security headers', () => {
	it('allow the kiosk devices to its own origin only and forbid sniffing and referrers to other sites', () => {
		const headers = securityHeaders(new URL('http://localhost:4173/hi'));
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');
		for (const feature of ['camera', 'microphone', 'serial', 'usb', 'fullscreen']) {
			expect(headers['permissions-policy']).toContain(`${feature}=(self)`);
		}
		expect(headers['permissions-policy']).toContain('geolocation=()');
	});

	it('ask for HTTPS only when served over HTTPS', () => {
		expect(securityHeaders(new URL('http://localhost:4173/'))).not.toHaveProperty('strict-transport-security');
		expect(securityHeaders(new URL('https://hub.example.in/'))['strict-transport-security']).toBe('max-age=31536000');
	});
});
