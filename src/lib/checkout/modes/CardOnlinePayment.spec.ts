import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { API_PATHS, type PaymentView } from '$lib/contract';
import type { DeviceRegistry } from '$lib/devices/registry';
import { fakeHub, json } from '$lib/ui/testing/fake-hub';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { ModeJournal } from '../outbox/journal';
import { PaymentHub, SEND_ONCE } from '../payment-hub';
import { billQuoteFixture } from '../testing/bill-quote';
import { paymentViewFixture } from '../testing/payment-view';
import CardOnlinePayment from './CardOnlinePayment.svelte';

const ID = '263260000002';
const awaiting = paymentViewFixture({ transactionId: ID, mode: 'cardOnline', language: 'en', amounts: { toCollectPaise: 1_700 } });
const withOtp = (otp: PaymentView['otp']): PaymentView => ({ ...awaiting, otp });

function screenFor(hub: PaymentHub) {
	const onFinished = vi.fn();
	const onUnsettled = vi.fn();
	renderInKiosk(CardOnlinePayment, {
		payment: awaiting,
		quote: billQuoteFixture(),
		hub,
		// Card online is paid through the hub directly; nothing goes through the outbox or a device.
		journal: {} as ModeJournal,
		devices: {} as DeviceRegistry,
		onFinished,
		onUnsettled
	});
	return { onFinished, onUnsettled };
}

async function typeInto(label: string | RegExp, value: string) {
	await fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value } });
}

async function typeCard(number: string) {
	await typeInto(/^Card number/, number);
	await typeInto(/^Expiry month/, '08');
	await typeInto(/^Expiry year/, '2029');
	await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('CardOnlinePayment', () => {
	it('checks the card number on the kiosk, then takes the OTP, a wrong one with the tries left', async () => {
		const hub = fakeHub({
			[API_PATHS.cardOnlineStart(ID)]: () => json(200, withOtp({ attemptsLeft: null, lastIncorrect: false })),
			[API_PATHS.cardOnlineOtp(ID)]: (body) =>
				(body as { otp: string }).otp === '123456'
					? json(200, { ...awaiting, status: 'posted' })
					: json(200, withOtp({ attemptsLeft: 2, lastIncorrect: true }))
		});
		const { onFinished } = screenFor(new PaymentHub(fetch, SEND_ONCE));
		expect(screen.getByRole('heading', { name: 'What are your card details?' })).toBeTruthy();

		await typeCard('4111 1111 1111 1112');
		expect(screen.getByRole('alert').textContent).toContain('This card number is not right');
		expect(hub.requests).toEqual([]);

		await typeCard('4111 1111 1111 1111');
		expect(await screen.findByRole('heading', { name: 'What is the OTP your bank sent?' })).toBeTruthy();
		expect(hub.requests[0]?.body).toMatchObject({ cardNumber: '4111111111111111' });

		await typeInto(/6-digit OTP/, '111111');
		await fireEvent.click(screen.getByRole('button', { name: /^Pay ₹/ }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('That OTP is not right. 2 tries left.'));

		await typeInto(/6-digit OTP/, '123456');
		await fireEvent.click(screen.getByRole('button', { name: /^Pay ₹/ }));
		await waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'posted' })));
	});

	it('ends as unsettled when the hub cannot be asked how the card went', async () => {
		const hub = fakeHub();
		hub.reachable = false;
		const { onUnsettled, onFinished } = screenFor(new PaymentHub(fetch, SEND_ONCE));
		await typeCard('4111 1111 1111 1111');
		await waitFor(() => expect(onUnsettled).toHaveBeenCalledWith(ID));
		expect(onFinished).not.toHaveBeenCalled();
	});
});
