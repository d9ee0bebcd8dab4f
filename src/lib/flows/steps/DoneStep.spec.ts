import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { AIRTEL } from '$lib/checkout/testing/biller-info';
import { paymentViewFixture, type PaymentViewChanges } from '$lib/checkout/testing/payment-view';
import { devices } from '$lib/ui/testing/doubles';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import { billPaymentFlow } from '../bill-payment';
import { janAadhaarFlow } from '../jan-aadhaar';
import type { WizardData } from '../engine';
import type { DoneStep as DoneStepType } from '../types';
import { loadWizard, saveWizard } from '../wizard-storage';
import DoneStep from './DoneStep.svelte';
import { FAMILY } from './testing/government';

const printer = devices.receiptPrinter;

const flow = billPaymentFlow(AIRTEL);
const step = flow.steps.find((candidate): candidate is DoneStepType => candidate.kind === 'done')!;

const ended = (changes: PaymentViewChanges, answers: Record<string, string> = {}): WizardData => ({
	answers: { pay: answers },
	results: { pay: paymentViewFixture({ language: 'en', ...changes }) }
});

const posted: PaymentViewChanges = {
	status: 'posted',
	amounts: { collectedPaise: 2_000, creditedPaise: 300 }
};

beforeEach(() => {
	printer.print.mockResolvedValue(undefined);
});

describe('DoneStep', () => {
	it('shows a posted payment with its ID, the cash paid and the credit, and prints the receipt once', async () => {
		const wizard = ended(posted);
		saveWizard(sessionStorage, flow.id, wizard);
		renderInKiosk(DoneStep, { step, flow }, { wizard });
		expect(screen.getByRole('heading', { name: 'Payment successful' })).toBeTruthy();
		const figures = screen.getAllByRole('definition').map((value) => value.textContent);
		expect(figures).toEqual(['263260004217', '₹20', '₹3']);
		expect(screen.getByText('Credited to your next bill')).toBeTruthy();
		await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Please take your receipt.'));
		expect(printer.print).toHaveBeenCalledOnce();
		expect(loadWizard(sessionStorage, flow.id).answers.receipt).toEqual({ printed: 'yes' });

		await fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
		expect(goto).toHaveBeenCalledWith('/', { replaceState: true, invalidateAll: true });
		expect(sessionStorage.length).toBe(0);
	});

	it('does not print again when the screen is shown again after a reload', () => {
		const wizard = ended(posted);
		wizard.answers.receipt = { printed: 'yes' };
		renderInKiosk(DoneStep, { step, flow }, { wizard });
		expect(screen.getByRole('heading', { name: 'Payment successful' })).toBeTruthy();
		expect(printer.print).not.toHaveBeenCalled();
	});

	it('offers to print again when the printer fails, and the citizen can still finish', async () => {
		printer.print.mockRejectedValueOnce(new Error('paper-out'));
		renderInKiosk(DoneStep, { step, flow }, { wizard: ended(posted) });
		await waitFor(() => expect(screen.getByRole('status').textContent).toContain('The receipt could not be printed'));
		await fireEvent.click(screen.getByRole('button', { name: 'Print the receipt again' }));
		await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Please take your receipt.'));
		expect(printer.print).toHaveBeenCalledTimes(2);
		expect(screen.queryByRole('button', { name: 'Print the receipt again' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Finish' })).toBeTruthy();
	});

	it.each<[string, PaymentViewChanges, string, string]>([
		[
			'cancelled with the notes as a voucher',
			{
				status: 'cancelled',
				amounts: { collectedPaise: 1_000 },
				vouchers: [{ code: 'V-7Q2M-K4XP', amountPaise: 1_000, createdAt: '2026-11-22T04:31:10.000Z' }]
			},
			'Payment not completed',
			'The ₹10 you inserted is safe'
		],
		[
			'declined by the bank',
			{ status: 'cancelled', mode: 'cardOnline', declineReason: 'declined' },
			'Payment not completed',
			'Your bank did not approve'
		],
		['cancelled before any money', { status: 'cancelled' }, 'Payment not completed', 'Nothing was charged.'],
		[
			'reversed after the biller refused',
			{ status: 'reversed', mode: 'card', reversal: { amountPaise: 1_700, expectedBy: '2026-11-27', reason: 'posting_refused' } },
			'Payment returned',
			'returns to your account automatically by'
		],
		[
			'paid, the biller not yet told',
			{ status: 'paid', amounts: { collectedPaise: 2_000 } },
			'Payment received',
			'will reach Airtel Postpaid automatically'
		]
	])('words a payment %s', (_case, changes, heading, body) => {
		renderInKiosk(DoneStep, { step, flow }, { wizard: ended(changes) });
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
		expect(document.body.textContent).toContain(body);
	});

	it('shows a payment queued in the outbox by its reference', () => {
		const reference = 'Q-K1234567-0042';
		const wizard = ended(
			{ status: 'paid', amounts: { collectedPaise: 65_000 } },
			{ outboxReference: reference, queuedReference: reference }
		);
		// A payment the hub has not seen has no transaction ID: its outbox reference stands in.
		wizard.results.pay = { ...(wizard.results.pay as object), transactionId: reference };
		renderInKiosk(DoneStep, { step, flow }, { wizard });
		expect(screen.getByRole('heading', { name: 'Payment received — queued' })).toBeTruthy();
		expect(screen.getByTestId('queued-reference').textContent).toBe(reference);
		expect(screen.getByText('₹650')).toBeTruthy();
		expect(document.body.textContent).toContain('Your payment goes to Airtel Postpaid automatically');
	});

	it('speaks Hindi on a Hindi screen', async () => {
		renderInKiosk(DoneStep, { step, flow }, { wizard: ended(posted), locale: 'hi' });
		expect(screen.getByRole('heading', { name: 'भुगतान सफल रहा' })).toBeTruthy();
		await waitFor(() => expect(screen.getByRole('status').textContent).toBe('कृपया अपनी रसीद ले लें।'));
	});

	it('prints the receipt of a service without payment: a Jan Aadhaar number changed', async () => {
		const janAadhaarDone = janAadhaarFlow.steps.find((candidate): candidate is DoneStepType => candidate.kind === 'done')!;
		const changed = {
			changeId: 'MC-1',
			status: 'completed',
			memberNameMasked: 'R***** P***** S*****',
			newMobileMasked: 'XXXXXX3210',
			otpAttemptsLeft: 3,
			completedAt: '2026-11-22T05:00:00.000Z'
		};
		const wizard: WizardData = { answers: {}, results: { 'jan-aadhaar-id': FAMILY, verify: changed } };
		renderInKiosk(DoneStep, { step: janAadhaarDone, flow: janAadhaarFlow }, { wizard });
		expect(screen.getByText(/The mobile number has been changed in Jan Aadhaar./)).toBeTruthy();
		await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Please take your receipt.'));
		expect(JSON.stringify(printer.print.mock.calls[0]?.[0])).toContain('XXXXXX3210');
	});
});
