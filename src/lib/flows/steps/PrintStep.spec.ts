import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { GOVERNMENT_PATHS } from '$lib/contract';
import { fakeHub, json } from '$lib/ui/testing/fake-hub';
import { devices } from '$lib/ui/testing/doubles';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { Flow, PrintStep as PrintStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import PrintStep from './PrintStep.svelte';
import { CERTIFICATE } from './testing/government';

const printer = devices.a4Printer;

const ORDER = { orderId: 'PO1234567890', document: CERTIFICATE, receiptReference: '263262498601' };

const paidPrint = (order: typeof ORDER | undefined): { step: PrintStepType; flow: Flow } => {
	const step: PrintStepType = { kind: 'print', id: 'print', order: () => order };
	return {
		step,
		flow: {
			id: 'certificates',
			menu: 'government',
			title: { en: 'View / print certificate', hi: 'प्रमाणपत्र देखें/छापें' },
			icon: 'certificate',
			steps: [step, { kind: 'done', id: 'receipt', body: 'done.title' }]
		}
	};
};

const ATTEMPTS = GOVERNMENT_PATHS.printAttempts('PO1234567890');

beforeEach(() => {
	printer.print.mockResolvedValue({ kind: 'sent' });
});

describe('PrintStep', () => {
	it('prints again free after the printer was off and after paper that did not come out, recording every try', async () => {
		const hub = fakeHub({ [ATTEMPTS]: () => json(201, {}) });
		printer.print.mockResolvedValueOnce({ kind: 'failed', reason: 'printer_off' });
		renderInKiosk(PrintStep, paidPrint(ORDER));
		await waitFor(() =>
			expect(screen.getByRole('alert').textContent).toContain('The A4 printer is switched off, so nothing was printed.')
		);
		expect(screen.getByRole('alert').textContent).toContain('You have already paid. Printing again is free.');
		expect(screen.getByText(/Your reference is 263262498601/)).toBeTruthy();

		await fireEvent.click(screen.getByRole('button', { name: 'Print again (free)' }));
		await fireEvent.click(await screen.findByRole('button', { name: 'No, it did not come out' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Your document did not come out of the printer.'));
		await fireEvent.click(screen.getByRole('button', { name: 'Print again (free)' }));
		await fireEvent.click(await screen.findByRole('button', { name: 'Yes, I have it' }));

		await waitFor(() => expect(goto).toHaveBeenCalledWith('/en/services/certificates/receipt'));
		expect(printer.print).toHaveBeenCalledTimes(3);
		expect(hub.requests.map((request) => request.body)).toEqual([
			{ outcome: 'failed', reason: 'printer_off' },
			{ outcome: 'failed', reason: 'not_come_out' },
			{ outcome: 'printed' }
		]);
		expect(loadWizard(sessionStorage, 'certificates').answers.print).toEqual({ finished: 'yes' });
	});

	it('lets the citizen leave with the receipt when the printer has no paper (Hindi)', async () => {
		fakeHub({ [ATTEMPTS]: () => json(201, {}) });
		printer.print.mockResolvedValueOnce({ kind: 'failed', reason: 'out_of_paper' });
		renderInKiosk(PrintStep, paidPrint(ORDER), { locale: 'hi' });
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('A4 प्रिंटर में कागज़ नहीं है, इसलिए कुछ नहीं छपा।'));
		await fireEvent.click(screen.getByRole('button', { name: 'रसीद लें और बाद में प्रिंट करें' }));
		expect(goto).toHaveBeenCalledWith('/hi/services/certificates/receipt');
	});

	it('prints nothing when the print was not paid for, and goes on to the receipt that says why', async () => {
		renderInKiosk(PrintStep, paidPrint(undefined));
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/en/services/certificates/receipt'));
		expect(printer.print).not.toHaveBeenCalled();
		expect(screen.queryByRole('heading')).toBeNull();
	});
});
