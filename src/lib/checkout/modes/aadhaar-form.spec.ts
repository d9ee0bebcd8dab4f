import { describe, expect, it } from 'vitest';
import {
	CaptureTimeoutError,
	FingerprintDeviceError,
	FingerprintNotReadyError,
	PoorQualityError,
	RdServiceNotFoundError
} from '$lib/devices/fingerprint/fingerprint-errors';
import { translator } from '$lib/i18n/translate';
import { API_PATHS } from '$lib/contract';
import { bankNames, checkAadhaarNumber, fetchAadhaarBanks, fingerprintProblem, formatAadhaarInput } from './aadhaar-form';

const SBI = { iin: '607094', name: { en: 'State Bank of India', hi: 'भारतीय स्टेट बैंक' } };

describe('the Aadhaar number', () => {
	it('is shown in groups of four while typed, twelve digits at most', () => {
		expect(formatAadhaarInput('99994105')).toBe('9999 4105');
		expect(formatAadhaarInput('9999 4105 70589')).toBe('9999 4105 7058');
		expect(formatAadhaarInput('९९९९-४१०५')).toBe('9999 4105');
	});

	it.each(['999941057058', '999971658847', '499118665246', '234123412346'])(
		'accepts the reference gateway’s Aadhaar number %s and masks it',
		(number) => {
			expect(checkAadhaarNumber(formatAadhaarInput(number))).toEqual({
				ok: true,
				digits: number,
				masked: `XXXX XXXX ${number.slice(-4)}`
			});
		}
	);

	it('words each problem in its own words', () => {
		expect(checkAadhaarNumber('  ')).toEqual({ ok: false, error: 'payment.aadhaar.number.required' });
		expect(checkAadhaarNumber('9999 4105 705')).toEqual({ ok: false, error: 'payment.aadhaar.number.format' });
		expect(checkAadhaarNumber('1999 4105 7058')).toEqual({ ok: false, error: 'payment.aadhaar.number.firstDigit' });
		expect(checkAadhaarNumber('0999 4105 7058')).toEqual({ ok: false, error: 'payment.aadhaar.number.firstDigit' });
		expect(checkAadhaarNumber('9999 4105 7059')).toEqual({ ok: false, error: 'payment.aadhaar.number.checksum' });
	});
});

describe('the banks', () => {
	it('are named in the screen’s language, with the other language’s name marked as such', () => {
		expect(bankNames(SBI, 'hi')).toEqual({ name: 'भारतीय स्टेट बैंक', other: { text: 'State Bank of India', lang: 'en' } });
		expect(bankNames(SBI, 'en')).toEqual({ name: 'State Bank of India', other: { text: 'भारतीय स्टेट बैंक', lang: 'hi' } });
		expect(bankNames({ iin: '1', name: { en: 'HDFC', hi: 'HDFC' } }, 'hi').other).toBeNull();
	});

	it('come from the hub, or not at all when it cannot say', async () => {
		const asked: string[] = [];
		const answering = (status: number, body: unknown) =>
			(async (url: string) => {
				asked.push(url);
				return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
			}) as typeof fetch;
		expect(await fetchAadhaarBanks(answering(200, { banks: [SBI] }))).toEqual([SBI]);
		expect(asked).toEqual([API_PATHS.aadhaarBanks]);
		expect(await fetchAadhaarBanks(answering(200, { banks: [] }))).toBeNull();
		expect(await fetchAadhaarBanks(answering(200, { banks: [{ iin: 607094 }] }))).toBeNull();
		expect(await fetchAadhaarBanks(answering(500, {}))).toBeNull();
		const down = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await fetchAadhaarBanks(down)).toBeNull();
	});
});

describe('a fingerprint that could not be taken', () => {
	it('asks the citizen to try again when the finger can do better', () => {
		const poor = fingerprintProblem(new PoorQualityError({ qScore: 12, errCode: null, errInfo: '' }));
		expect(poor).toEqual({ message: 'payment.aadhaar.finger.poorQuality', canRetry: true });
		expect(fingerprintProblem(new CaptureTimeoutError('700'))).toEqual({
			message: 'payment.aadhaar.finger.timeout',
			canRetry: true
		});
		expect(translator('en')(poor.message)).toBe('Your fingerprint was not clear. Clean your finger and press it flat on the scanner.');
	});

	it('sends the citizen to another way to pay when the scanner itself fails', () => {
		const broken = { message: 'payment.aadhaar.finger.broken', canRetry: false };
		expect(fingerprintProblem(new RdServiceNotFoundError([11100]))).toEqual(broken);
		expect(fingerprintProblem(new FingerprintNotReadyError({ status: 'NOTREADY', errInfo: '' }))).toEqual(broken);
		expect(fingerprintProblem(new FingerprintDeviceError('720', 'Device busy'))).toEqual(broken);
		expect(fingerprintProblem(new Error('anything else'))).toEqual(broken);
		expect(translator('hi')('payment.aadhaar.finger.broken')).toBe('फिंगरप्रिंट स्कैनर काम नहीं कर रहा है। कृपया भुगतान का कोई दूसरा माध्यम चुनें।');
	});
});
