import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { CardTerminal } from '$lib/devices/card-terminal/card-terminal';
import type { DeviceRegistry } from '$lib/devices/registry';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { ModeJournal } from '../outbox/journal';
import { PaymentHub, SEND_ONCE } from '../payment-hub';
import { billQuoteFixture } from '../testing/bill-quote';
import { paymentViewFixture } from '../testing/payment-view';
import CardPayment from './CardPayment.svelte';

const awaiting = paymentViewFixture({ transactionId: '263260000003', mode: 'card', language: 'en', amounts: { toCollectPaise: 1_700 } });

/** The outbox as the card screen uses it: each step answered with the hub's record. */
function answeringJournal() {
	const answer = (status: 'posted' | 'cancelled') => async () => ({ kind: 'done' as const, view: { ...awaiting, status } });
	return { noteCredited: vi.fn(), complete: vi.fn(), approval: vi.fn(answer('posted')), cancel: vi.fn(answer('cancelled')) };
}

function screenWith(terminal: () => Promise<Partial<CardTerminal>>) {
	const journal = answeringJournal();
	const onFinished = vi.fn();
	renderInKiosk(CardPayment, {
		payment: awaiting,
		quote: billQuoteFixture(),
		hub: new PaymentHub(fetch, SEND_ONCE),
		journal: journal as unknown as ModeJournal,
		devices: { cardTerminal: terminal } as unknown as DeviceRegistry,
		onFinished,
		onUnsettled: vi.fn()
	});
	return { journal, onFinished };
}

describe('CardPayment', () => {
	it('records the terminal’s approval in the outbox before the hub is told, and ends with the hub’s record', async () => {
		const approved = {
			outcome: 'approved',
			authCode: 'A1B2C3',
			rrn: '612345678901',
			maskedPan: '******4321',
			cardType: 'visa',
			amountPaise: 1_700
		} as const;
		const sale = vi.fn(async () => approved);
		const { journal, onFinished } = screenWith(async () => ({ sale }));
		expect(screen.getByRole('heading', { name: 'Pay on the card machine' })).toBeTruthy();
		expect(screen.getByText('You pay ₹17.')).toBeTruthy();
		await waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'posted' })));
		expect(sale).toHaveBeenCalledWith(1_700, '263260000003');
		expect(journal.approval).toHaveBeenCalledWith({
			mode: 'card',
			authCode: 'A1B2C3',
			rrn: '612345678901',
			maskedPan: '******4321',
			cardType: 'visa',
			amountPaise: 1_700
		});
		expect(journal.cancel).not.toHaveBeenCalled();
	});

	it('calls the payment off at once when the card machine cannot be opened', async () => {
		const { journal, onFinished } = screenWith(async () => {
			throw new Error('no port');
		});
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The card machine is not working now'));
		expect(journal.cancel).toHaveBeenCalledWith('device_failed');
		await waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' })));
	});
});
