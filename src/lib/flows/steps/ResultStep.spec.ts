import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import type { TransactionStatusResult } from '$lib/contract';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { AIRTEL } from '$lib/checkout/testing/biller-info';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import { billPaymentFlow } from '../bill-payment';
import type { WizardData } from '../engine';
import { transactionStatusFlow } from '../transaction-status';
import type { Flow, ResultStep as ResultStepType } from '../types';
import ResultStep from './ResultStep.svelte';

const resultOf = (flow: Flow) => flow.steps.find((step): step is ResultStepType<never> => step.kind === 'result')!;
const STATUS = { step: resultOf(transactionStatusFlow), flow: transactionStatusFlow };
const billFlow = billPaymentFlow(AIRTEL);
const BILL = { step: resultOf(billFlow), flow: billFlow };

const application = (status: TransactionStatusResult['status']): WizardData => ({
	answers: { 'transaction-id': { transactionId: '2611220001', fetchedAt: new Date().toISOString() } },
	results: {
		'transaction-id': {
			transactionId: '2611220001',
			service: { en: 'Birth Certificate', hi: 'जन्म प्रमाण पत्र' },
			department: { en: 'Directorate of Economics and Statistics', hi: 'आर्थिक एवं सांख्यिकी निदेशालय' },
			applicantNameMasked: 'R***** K**** M****',
			submittedAt: '2026-11-20T05:30:00.000Z',
			status,
			statusUpdatedAt: '2026-11-21T06:00:00.000Z'
		} satisfies TransactionStatusResult
	}
});

describe('ResultStep', () => {
	it('shows an application’s status with the applicant masked, and what happens next', () => {
		renderInKiosk(ResultStep, STATUS, { wizard: application('submitted') });
		expect(screen.getByRole('heading', { level: 1, name: 'Status of your transaction' })).toBeTruthy();
		expect(screen.getByText('Birth Certificate')).toBeTruthy();
		expect(screen.getByText('R***** K**** M****')).toBeTruthy();
		expect(screen.getByText('Application received')).toBeTruthy();
		expect(screen.getByRole('heading', { name: 'What happens next' })).toBeTruthy();
		expect(screen.queryByText(/Ramesh/)).toBeNull();
	});

	it('says the same result again in Hindi when the language is switched', async () => {
		const { kiosk } = renderInKiosk(ResultStep, STATUS, { wizard: application('approved') });
		expect(screen.getByText('Approved')).toBeTruthy();
		kiosk.locale = 'hi';
		await tick();
		expect(screen.getByRole('heading', { level: 1, name: 'आपके ट्रांजेक्शन की स्थिति' })).toBeTruthy();
		expect(screen.getByText('स्वीकृत')).toBeTruthy();
		expect(screen.getByText('जन्म प्रमाण पत्र')).toBeTruthy();
	});

	it('starts the service again, or finishes the citizen’s session', async () => {
		renderInKiosk(ResultStep, STATUS, { wizard: application('rejected') });
		await fireEvent.click(screen.getByRole('button', { name: 'Check another transaction' }));
		expect(goto).toHaveBeenLastCalledWith('/en/services/transaction-status/transaction-id');
		await fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
		expect(goto).toHaveBeenLastCalledWith('/', { replaceState: true, invalidateAll: true });
	});

	it('says a bill kept on the kiosk is old, and goes on to pay it', async () => {
		const fetchedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
		const wizard: WizardData = {
			answers: { consumer: { identifier: '9829012017', fetchedAt, fromCache: 'yes' } },
			results: { consumer: billQuoteFixture() }
		};
		renderInKiosk(ResultStep, BILL, { wizard });
		expect(screen.getByRole('heading', { level: 1, name: 'Your bill' })).toBeTruthy();
		expect(screen.getByTestId('kept-answer-age').textContent).toContain('The kiosk is offline. This bill was fetched 3 hours ago');
		expect(screen.getAllByRole('definition').some((value) => value.textContent === '₹17')).toBe(true);
		await fireEvent.click(screen.getByRole('button', { name: 'Click to pay' }));
		expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/check');
	});

	it('shows an answer the kiosk cannot read as the hub’s failure, not a crash', () => {
		renderInKiosk(ResultStep, STATUS, { wizard: { answers: {}, results: { 'transaction-id': { unexpected: true } } } });
		expect(screen.getByRole('alert').textContent).toBe('The e-Mitra server could not answer. Please try again.');
		expect(screen.getByRole('button', { name: 'Finish' })).toBeTruthy();
	});
});
