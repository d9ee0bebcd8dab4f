import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { GOVERNMENT_PATHS, type PrintOrderRequest } from '$lib/contract';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { fakeHub, json, refusal } from '$lib/ui/testing/fake-hub';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { Flow, PrintOrderStep as PrintOrderStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import PrintOrderStep from './PrintOrderStep.svelte';

const DOCUMENT: PrintOrderRequest['document'] = { kind: 'certificate', typeId: 'birth', transactionId: '2611230005' };
const step: PrintOrderStepType = {
	kind: 'print-order',
	id: 'print-order',
	question: 'certificate.print.question',
	document: () => DOCUMENT
};
const flow: Flow = {
	id: 'certificates',
	menu: 'government',
	title: { en: 'View / print certificate', hi: 'प्रमाणपत्र देखें/छापें' },
	icon: 'certificate',
	steps: [{ kind: 'confirm', id: 'certificate' }, step, { kind: 'payment', id: 'mode', quoteStep: 'print-order' }]
};

describe('PrintOrderStep', () => {
	it('says the fee, orders the print at the hub and goes on to pay for it', async () => {
		const quote = billQuoteFixture();
		const hub = fakeHub({ [GOVERNMENT_PATHS.printOrders]: () => json(201, quote) });
		renderInKiosk(PrintOrderStep, { step, flow });
		expect(screen.getByText('A printed copy costs ₹10.')).toBeTruthy();
		expect(screen.getByRole('link', { name: 'No, go back' }).getAttribute('href')).toBe('/en/services/certificates/certificate');

		await fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/en/services/certificates/mode'));
		expect(hub.requests).toEqual([{ path: GOVERNMENT_PATHS.printOrders, body: { document: DOCUMENT, language: 'en' } }]);
		expect(loadWizard(sessionStorage, 'certificates').results['print-order']).toEqual(quote);
	});

	it.each([
		['a certificate not yet issued', () => refusal(409, 'not_issued'), 'This certificate has not been issued yet.'],
		['a kiosk past its lookups', () => new Response(null, { status: 429 }), 'Too many searches from this kiosk.']
	])('words %s', async (_case, answer, message) => {
		fakeHub({ [GOVERNMENT_PATHS.printOrders]: answer });
		renderInKiosk(PrintOrderStep, { step, flow });
		await fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
		expect(goto).not.toHaveBeenCalled();
	});
});
