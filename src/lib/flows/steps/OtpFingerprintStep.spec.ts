import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { GOVERNMENT_PATHS, type MobileChangeView } from '$lib/contract';
import { PoorQualityError } from '$lib/devices/fingerprint/fingerprint-errors';
import { fakeHub, json, refusal } from '$lib/ui/testing/fake-hub';
import { devices } from '$lib/ui/testing/doubles';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { WizardData } from '../engine';
import { janAadhaarFlow } from '../jan-aadhaar';
import type { OtpFingerprintStep as OtpFingerprintStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import OtpFingerprintStep from './OtpFingerprintStep.svelte';
import { FAMILY } from './testing/government';

const scanner = devices.fingerprintScanner;

const flow = janAadhaarFlow;
const step = flow.steps.find((candidate): candidate is OtpFingerprintStepType => candidate.kind === 'otp-fingerprint')!;
const wizard: WizardData = {
	answers: { 'jan-aadhaar-id': { janAadhaarId: '1041234567' }, member: { value: 'M2' }, 'new-mobile': { newMobile: '9876543210' } },
	results: { 'jan-aadhaar-id': FAMILY }
};
const started: MobileChangeView = {
	changeId: 'MC-1',
	status: 'otp_sent',
	memberNameMasked: 'R***** P***** S*****',
	newMobileMasked: 'XXXXXX3210',
	otpAttemptsLeft: 3,
	completedAt: null
};
const VERIFY = GOVERNMENT_PATHS.mobileChangeVerify('MC-1');

function hubThatVerifies(verify: (body: unknown) => Response) {
	return fakeHub({ [GOVERNMENT_PATHS.mobileChanges]: () => json(201, started), [VERIFY]: verify });
}

async function enterOtp(otp: string, continueLabel = 'Continue') {
	await fireEvent.input(await screen.findByRole('textbox', { name: /OTP/ }), { target: { value: otp } });
	await fireEvent.click(screen.getByRole('button', { name: continueLabel }));
}

beforeEach(() => {
	scanner.capture.mockResolvedValue({ pidData: '<PidData/>' });
});

describe('OtpFingerprintStep', () => {
	it('sends the OTP, checks its form, then sends OTP and fingerprint and goes on with the change made', async () => {
		const done = { ...started, status: 'completed', completedAt: '2026-11-22T05:00:00.000Z' };
		const hub = hubThatVerifies(() => json(200, done));
		renderInKiosk(OtpFingerprintStep, { step, flow }, { wizard });
		expect(await screen.findByText('We sent a 6-digit OTP by SMS to XXXXXX3210.')).toBeTruthy();
		expect(hub.requests[0]?.body).toEqual({ janAadhaarId: '1041234567', memberId: 'M2', newMobile: '9876543210', language: 'en' });

		await enterOtp('12345');
		expect(screen.getByRole('alert').textContent).toContain('The OTP is 6 digits');
		await enterOtp('123456');
		expect(screen.getByRole('heading', { name: 'Fingerprint of the member' })).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Scan fingerprint' }));
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/en/services/jan-aadhaar-mobile/done'));
		expect(hub.requests.at(-1)).toEqual({ path: VERIFY, body: { otp: '123456', pidBlock: '<PidData/>' } });
		expect(loadWizard(sessionStorage, flow.id).results.verify).toEqual(done);
	});

	it('sends the citizen back to the OTP, with the tries left, when the hub says it is wrong', async () => {
		hubThatVerifies(() => refusal(422, 'otp_incorrect', { otp: '2' }));
		renderInKiosk(OtpFingerprintStep, { step, flow }, { wizard });
		await enterOtp('000000');
		await fireEvent.click(screen.getByRole('button', { name: 'Scan fingerprint' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The OTP is not right. 2 tries left.'));
		expect(screen.getByRole('textbox', { name: /OTP/ })).toHaveProperty('value', '');
	});

	it('says a fingerprint that does not match changes nothing, and the citizen may stop (Hindi)', async () => {
		hubThatVerifies(() => refusal(422, 'fingerprint_mismatch'));
		renderInKiosk(OtpFingerprintStep, { step, flow }, { wizard, locale: 'hi' });
		await enterOtp('123456', 'आगे बढ़ें');
		await fireEvent.click(screen.getByRole('button', { name: 'फिंगरप्रिंट स्कैन करें' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('यह फिंगरप्रिंट सदस्य के आधार से मेल नहीं खाता'));
		await fireEvent.click(screen.getByRole('button', { name: 'रोकें, कुछ न बदलें' }));
		expect(goto).toHaveBeenCalledWith('/hi/services/jan-aadhaar-mobile/jan-aadhaar-id');
		expect(sessionStorage.length).toBe(0);
	});

	it('asks for the finger again after a capture that was not clear, without asking the hub (Hindi)', async () => {
		const hub = hubThatVerifies(() => json(200, { ...started, status: 'completed' }));
		scanner.capture.mockRejectedValueOnce(new PoorQualityError({ qScore: 20, errCode: '720', errInfo: 'poor quality' }));
		renderInKiosk(OtpFingerprintStep, { step, flow }, { wizard, locale: 'hi' });
		await enterOtp('123456', 'आगे बढ़ें');
		await fireEvent.click(screen.getByRole('button', { name: 'फिंगरप्रिंट स्कैन करें' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('फिंगरप्रिंट साफ़ नहीं आया'));
		expect(hub.requests.map((request) => request.path)).not.toContain(VERIFY);
		await fireEvent.click(screen.getByRole('button', { name: 'फिर से स्कैन करें' }));
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/hi/services/jan-aadhaar-mobile/done'));
	});
});
