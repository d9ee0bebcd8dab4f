import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { API_PATHS } from '$lib/contract';
import { PoorQualityError } from '$lib/devices/fingerprint/fingerprint-errors';
import type { DeviceRegistry } from '$lib/devices/registry';
import { fakeHub, json } from '$lib/ui/testing/fake-hub';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { ModeJournal } from '../outbox/journal';
import { PaymentHub, SEND_ONCE } from '../payment-hub';
import { billQuoteFixture } from '../testing/bill-quote';
import { paymentViewFixture } from '../testing/payment-view';
import AadhaarPayment from './AadhaarPayment.svelte';

const ID = '263260000005';
const awaiting = paymentViewFixture({ transactionId: ID, mode: 'aadhaar', language: 'en', amounts: { toCollectPaise: 1_700 } });
const BANKS = {
	banks: [
		{ iin: '607094', name: { en: 'State Bank of India', hi: 'भारतीय स्टेट बैंक' } },
		{ iin: '607152', name: { en: 'HDFC Bank', hi: 'एचडीएफसी बैंक' } }
	]
};

describe('AadhaarPayment', () => {
	it('checks the number, shows it masked, takes the bank and a second capture after a poor one, then pays', async () => {
		const hub = fakeHub({
			[API_PATHS.aadhaarBanks]: () => json(200, BANKS),
			[API_PATHS.aadhaarPay(ID)]: () => json(200, { ...awaiting, status: 'posted' })
		});
		const capture = vi
			.fn()
			.mockRejectedValueOnce(new PoorQualityError({ qScore: 20, errCode: '720', errInfo: 'poor quality' }))
			.mockResolvedValue({ pidData: '<PidData/>' });
		const onFinished = vi.fn();
		renderInKiosk(AadhaarPayment, {
			payment: awaiting,
			quote: billQuoteFixture(),
			hub: new PaymentHub(fetch, SEND_ONCE),
			// Aadhaar is paid through the hub directly; nothing goes through the outbox.
			journal: {} as ModeJournal,
			devices: { fingerprintScanner: () => ({ capture }) } as unknown as DeviceRegistry,
			onFinished,
			onUnsettled: vi.fn()
		});
		expect(screen.getByRole('heading', { name: 'What is your Aadhaar number?' })).toBeTruthy();
		const number = screen.getByRole('textbox', { name: /^Aadhaar number/ });
		await fireEvent.input(number, { target: { value: '1234 5678 9012' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(screen.getByRole('alert').textContent).toContain('never starts with 0 or 1');

		await fireEvent.input(number, { target: { value: '9999 4105 7058' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(await screen.findByRole('heading', { name: 'Which bank is your account in?' })).toBeTruthy();
		expect(screen.getByText('XXXX XXXX 7058')).toBeTruthy();
		expect(document.body.textContent).not.toContain('9999 4105 7058');

		await fireEvent.click(await screen.findByRole('radio', { name: /State Bank of India/ }));
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(await screen.findByRole('heading', { name: 'Place your finger on the scanner' })).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Scan fingerprint' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not clear'));

		await fireEvent.click(screen.getByRole('button', { name: /Scan fingerprint|Try again/ }));
		await waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'posted' })));
		expect(hub.requests.at(-1)).toEqual({
			path: API_PATHS.aadhaarPay(ID),
			body: { aadhaarNumber: '999941057058', bankIin: '607094', pidBlock: '<PidData/>' }
		});
	});
});
