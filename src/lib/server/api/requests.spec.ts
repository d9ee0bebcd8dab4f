import { describe, expect, it } from 'vitest';
import { formFields, isCrossSiteForm, isUnusableUrl } from './requests';

describe('requests refused before any route', () => {
	it('a path that is not percent-encoding, or a NUL anywhere in path or query, is unusable', () => {
		expect(isUnusableUrl(new URL('http://hub.test/api/v1/payments/%E0%A4%/cancel'))).toBe(true);
		expect(isUnusableUrl(new URL('http://hub.test/api/v1/receipts/%00/verify'))).toBe(true);
		expect(isUnusableUrl(new URL('http://hub.test/admin/en?district=a%00b'))).toBe(true);
		expect(isUnusableUrl(new URL('http://hub.test/api/v1/documents/certificate/RJ%2FDOM%2F1/verify'))).toBe(false);
		expect(isUnusableUrl(new URL('http://hub.test/admin/en?district=%E0%A4%9C%E0%A4%AF%E0%A4%AA%E0%A5%81%E0%A4%B0'))).toBe(false);
	});

	it('a form from another origin is cross-site; JSON, GETs and our own forms are not', () => {
		const url = new URL('http://127.0.0.1:4173/admin/en/login');
		const post = (headers: Record<string, string>, method = 'POST') =>
			new Request(url, { method, headers, body: method === 'GET' ? undefined : 'x' });
		expect(isCrossSiteForm(post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }), url)).toBe(
			true
		);
		expect(isCrossSiteForm(post({ 'content-type': 'text/plain;charset=UTF-8' }), url)).toBe(true);
		expect(isCrossSiteForm(post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'http://127.0.0.1:4173' }), url)).toBe(
			false
		);
		expect(isCrossSiteForm(post({ 'content-type': 'application/json', origin: 'http://evil.example' }), url)).toBe(false);
		expect(isCrossSiteForm(post({ 'content-type': 'text/plain' }, 'GET'), url)).toBe(false);
	});

	it('reads a form’s fields, and nothing from a body that is no form', async () => {
		const form = new Request('http://hub.test/', { method: 'POST', body: new URLSearchParams({ ssoId: 'X' }) });
		expect((await formFields(form))?.get('ssoId')).toBe('X');
		const notForm = new Request('http://hub.test/', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: '' });
		expect(await formFields(notForm)).toBeUndefined();
		const withNul = new Request('http://hub.test/', {
			method: 'POST',
			body: new URLSearchParams({ kioskCode: 'K2045318', ssoId: '\0' })
		});
		expect(await formFields(withNul)).toBeUndefined();
	});
});
