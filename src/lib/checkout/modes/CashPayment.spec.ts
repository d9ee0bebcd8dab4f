import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { DeviceRegistry } from '$lib/devices/registry';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { ModeJournal } from '../outbox/journal';
import { PaymentHub, SEND_ONCE } from '../payment-hub';
import { billQuoteFixture } from '../testing/bill-quote';
import { paymentViewFixture } from '../testing/payment-view';
import CashPayment from './CashPayment.svelte';

describe('CashPayment', () => {
	it('calls the payment off at once, nothing taken, when the note acceptor cannot be opened (Hindi)', async () => {
		const awaiting = paymentViewFixture({ transactionId: '263260000004' });
		const cancel = vi.fn(async () => ({ kind: 'done' as const, view: { ...awaiting, status: 'cancelled' as const } }));
		const onFinished = vi.fn();
		renderInKiosk(
			CashPayment,
			{
				payment: awaiting,
				quote: billQuoteFixture(),
				hub: new PaymentHub(fetch, SEND_ONCE),
				journal: { cancel } as unknown as ModeJournal,
				devices: { noteAcceptor: async () => Promise.reject(new Error('no port')) } as unknown as DeviceRegistry,
				onFinished,
				onUnsettled: vi.fn()
			},
			{ locale: 'hi' }
		);
		expect(screen.getByRole('heading', { name: 'नोट डालें' })).toBeTruthy();
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('कैश मशीन अभी काम नहीं कर रही है'));
		expect(cancel).toHaveBeenCalledWith('device_failed');
		await waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' })));
	});
});
