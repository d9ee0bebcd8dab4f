import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import type { BillQuote } from '$lib/contract';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { AIRTEL } from '$lib/checkout/testing/biller-info';
import { reportHubAnswer } from '$lib/machine/connectivity.svelte';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import { billPaymentFlow } from '../bill-payment';
import type { WizardData } from '../engine';
import type { PaymentStep as PaymentStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import PaymentStep from './PaymentStep.svelte';

const flow = billPaymentFlow(AIRTEL);
const step = flow.steps.find((candidate): candidate is PaymentStepType => candidate.kind === 'payment')!;

const fetchedWith = (quote: BillQuote, fetchedAt = new Date().toISOString()): WizardData => ({
	answers: { consumer: { identifier: quote.identifier, fetchedAt } },
	results: { consumer: quote }
});

const modeItems = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('PaymentStep', () => {
	it('shows each mode with what it takes: cash rounded up to notes, the excess credited', async () => {
		renderInKiosk(PaymentStep, { step, flow }, { wizard: fetchedWith(billQuoteFixture()) });
		expect(screen.getByText('Amount to pay: ₹17')).toBeTruthy();
		const cash = screen.getByRole('button', { name: /^Cash/ });
		expect(cash.textContent).toContain('₹20 will be taken, and the extra ₹3 is credited to your next bill');
		expect(screen.getByRole('button', { name: /^Card online with OTP/ })).toBeTruthy();
		expect(modeItems()).toHaveLength(4);

		await fireEvent.click(cash);
		expect(loadWizard(sessionStorage, flow.id).answers.mode).toEqual({ mode: 'cash' });
		expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/pay');
	});

	it('refuses cash, with the reason and no button, when the operator’s wallet is too low', () => {
		const quote = billQuoteFixture();
		const low = billQuoteFixture({ modes: { ...quote.modes, cash: { available: false, reason: 'wallet_insufficient' } } });
		renderInKiosk(PaymentStep, { step, flow }, { wizard: fetchedWith(low) });
		expect(screen.getByText(/operator's e-Mitra wallet does not hold enough/)).toBeTruthy();
		expect(screen.queryByRole('button', { name: /^Cash/ })).toBeNull();
	});

	it('offers only cash, and no other mode even greyed out, for a fee the payee takes in cash only', () => {
		const notOffered = { available: false as const, reason: 'not_offered' as const };
		const quote = billQuoteFixture();
		const printFee = billQuoteFixture({ modes: { ...quote.modes, card: notOffered, cardOnline: notOffered, aadhaar: notOffered } });
		renderInKiosk(PaymentStep, { step, flow }, { wizard: fetchedWith(printFee) });
		expect(modeItems()).toHaveLength(1);
		expect(screen.getByRole('button', { name: /^Cash/ })).toBeTruthy();
	});

	it('takes only cash while the hub is unreachable, and says so with the bill’s age', () => {
		reportHubAnswer('/api/v1/payments', 'POST', false);
		const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
		renderInKiosk(PaymentStep, { step, flow }, { wizard: fetchedWith(billQuoteFixture(), threeHoursAgo) });
		expect(screen.getByRole('status').textContent).toContain('only cash can be taken now');
		expect(screen.getAllByText('Not while the kiosk is offline')).toHaveLength(3);
		expect(screen.getAllByRole('button')).toHaveLength(1);
		expect(screen.getByRole('button', { name: /^Cash/ })).toBeTruthy();
	});
});
