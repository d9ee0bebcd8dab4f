import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { API_PATHS, lookupPath } from '$lib/contract';
import { keepBill } from '$lib/checkout/offline/bill-cache';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { AIRTEL, PHED } from '$lib/checkout/testing/biller-info';
import { fakeHub, json, refusal } from '$lib/ui/testing/fake-hub';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import { billPaymentFlow } from '../bill-payment';
import { landRecordsFlow } from '../land-records';
import { transactionStatusFlow } from '../transaction-status';
import type { FormStep as FormStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import FormStep from './FormStep.svelte';

const formOf = (flow: typeof transactionStatusFlow) => flow.steps.find((step): step is FormStepType => step.kind === 'form')!;
const STATUS = { step: formOf(transactionStatusFlow), flow: transactionStatusFlow };
const phedFlow = billPaymentFlow(PHED);
const PHED_BILL = { step: formOf(phedFlow), flow: phedFlow };
const airtelFlow = billPaymentFlow(AIRTEL);
const AIRTEL_BILL = { step: formOf(airtelFlow), flow: airtelFlow };
const KHASRA = { step: landRecordsFlow.steps.find((step): step is FormStepType => step.id === 'khasra')!, flow: landRecordsFlow };

async function type(field: HTMLElement, value: string) {
	await fireEvent.input(field, { target: { value } });
}

async function submit(name: string) {
	await fireEvent.click(screen.getByRole('button', { name }));
}

const words = {
	en: {
		field: 'Transaction ID',
		submit: 'Submit',
		required: 'Enter your transaction ID',
		format: 'The transaction ID must be 8 to 12 digits',
		notFound: 'There is no e-Mitra transaction with this ID',
		unreachable: 'The kiosk cannot reach the e-Mitra server'
	},
	hi: {
		field: 'ट्रांजेक्शन आईडी',
		submit: 'दर्ज करें',
		required: 'अपनी ट्रांजेक्शन आईडी दर्ज करें',
		format: 'ट्रांजेक्शन आईडी 8 से 12 अंकों की होती है',
		notFound: 'इस आईडी का कोई ई-मित्र ट्रांजेक्शन नहीं मिला',
		unreachable: 'कियोस्क अभी ई-मित्र सर्वर से नहीं जुड़ पा रहा है'
	}
} as const;

describe('FormStep', () => {
	for (const locale of ['en', 'hi'] as const) {
		const w = words[locale];
		it(`words an empty, a malformed and an unknown ID at the field and keeps what was typed (${locale})`, async () => {
			const hub = fakeHub({ [lookupPath('transaction-status')]: () => refusal(404, 'not_found') });
			renderInKiosk(FormStep, STATUS, { locale });
			const field = screen.getByRole('textbox', { name: w.field });

			await submit(w.submit);
			expect(screen.getByRole('alert').textContent).toContain(w.required);
			expect(field.getAttribute('aria-invalid')).toBe('true');
			expect(hub.requests).toEqual([]);

			await type(field, '12AB');
			await submit(w.submit);
			expect(screen.getByRole('alert').textContent).toContain(w.format);
			expect(field).toHaveProperty('value', '12AB');

			await type(field, '9999999999');
			await submit(w.submit);
			await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(w.notFound));
			expect(field).toHaveProperty('value', '9999999999');
			expect(hub.requests).toEqual([{ path: lookupPath('transaction-status'), body: { transactionId: '9999999999' } }]);
			expect(goto).not.toHaveBeenCalled();
		});
	}

	it('explains a hub that cannot be reached and keeps the ID typed (Hindi)', async () => {
		const hub = fakeHub();
		hub.reachable = false;
		renderInKiosk(FormStep, STATUS, { locale: 'hi' });
		const field = screen.getByRole('textbox', { name: words.hi.field });
		await type(field, '2611220001');
		await submit(words.hi.submit);
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(words.hi.unreachable));
		expect(field).toHaveProperty('value', '2611220001');
	});

	it('understands Devanagari digits and spaces, keeps the hub’s answer and goes on to the result', async () => {
		const result = { transactionId: '2611220007', status: 'rejected' };
		const hub = fakeHub({ [lookupPath('transaction-status')]: () => json(200, result) });
		renderInKiosk(FormStep, STATUS, { locale: 'hi' });
		await type(screen.getByRole('textbox', { name: words.hi.field }), '२६११ २२० ००७');
		await submit(words.hi.submit);
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/hi/services/transaction-status/status'));
		expect(hub.requests.map((request) => request.body)).toEqual([{ transactionId: '2611220007' }]);
		expect(loadWizard(sessionStorage, 'transaction-status').results['transaction-id']).toEqual(result);
	});

	it('types on its keypad, deletes the last digit and clears, keeping every keystroke for a reload', async () => {
		renderInKiosk(FormStep, STATUS);
		const field = screen.getByRole('textbox', { name: words.en.field });
		const keypad = screen.getByRole('group', { name: 'Number keypad' });
		for (const digit of '123') await fireEvent.click(within(keypad).getByRole('button', { name: digit }));
		expect(field).toHaveProperty('value', '123');
		await fireEvent.click(within(keypad).getByRole('button', { name: 'Delete last digit' }));
		expect(field).toHaveProperty('value', '12');
		expect(loadWizard(sessionStorage, 'transaction-status').answers['transaction-id']).toEqual({ transactionId: '12' });
		await fireEvent.click(within(keypad).getByRole('button', { name: 'Clear' }));
		expect(field).toHaveProperty('value', '');
	});

	it('checks a bill’s numbers in the field’s own words, and offers the keyboard for the e-mail', async () => {
		fakeHub();
		renderInKiosk(FormStep, PHED_BILL);
		await type(screen.getByRole('textbox', { name: /CID number/ }), '1234');
		await submit('Get bill');
		const alert = screen.getByRole('alert').textContent;
		expect(alert).toContain('This number must be 12 digits');
		expect(alert).toContain('Enter your mobile number');

		expect(screen.queryByRole('group', { name: 'Keyboard' })).toBeNull();
		const email = screen.getByRole('textbox', { name: /E-mail address/ });
		await fireEvent.focus(email);
		expect(screen.getByRole('group', { name: 'Keyboard' })).toBeTruthy();
		await type(email, 'not-an-email');
		await submit('Get bill');
		expect(screen.getByRole('alert').textContent).toContain('Enter an e-mail address like name@example.com');
	});

	it.each([
		['unknown_consumer', 'No bill was found for this number'],
		['bill_already_paid', 'This bill is already paid']
	])('says the hub’s %s at the bill number and keeps it', async (code, message) => {
		fakeHub({ [API_PATHS.bill('phed')]: () => refusal(404, code) });
		renderInKiosk(FormStep, PHED_BILL);
		const number = screen.getByRole('textbox', { name: /CID number/ });
		await type(number, '210300004599');
		await type(screen.getByRole('textbox', { name: /Your mobile number/ }), '9414012345');
		await submit('Get bill');
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
		expect(number).toHaveProperty('value', '210300004599');
		expect(goto).not.toHaveBeenCalled();
	});

	it('asks the citizen to wait a minute when the kiosk is past its lookups', async () => {
		fakeHub({ [lookupPath('transaction-status')]: () => new Response(null, { status: 429 }) });
		renderInKiosk(FormStep, STATUS);
		await type(screen.getByRole('textbox', { name: words.en.field }), '2611220001');
		await submit(words.en.submit);
		await waitFor(() =>
			expect(screen.getByRole('alert').textContent).toContain(
				'Too many searches from this kiosk. Please wait a minute and try again.'
			)
		);
	});

	it('pays a bill kept on this kiosk while the hub is unreachable, and says when none is kept', async () => {
		const hub = fakeHub();
		hub.reachable = false;
		renderInKiosk(FormStep, AIRTEL_BILL);
		const number = screen.getByRole('textbox', { name: /Mobile number of the bill/ });
		await type(number, '9829099999');
		await submit('Get bill');
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('has no bill kept for this number'));

		const fetchedAt = new Date(Date.now() - 3_600_000);
		keepBill(localStorage, billQuoteFixture(), fetchedAt);
		await type(number, '9829012017');
		await submit('Get bill');
		await waitFor(() => expect(goto).toHaveBeenCalledWith('/en/services/bill-airtel/bill'));
		expect(loadWizard(sessionStorage, airtelFlow.id).answers.consumer).toMatchObject({
			identifier: '9829012017',
			fetchedAt: fetchedAt.toISOString(),
			fromCache: 'yes'
		});
	});

	it('takes a khasra with its slash from the keypad, and words a malformed one in Hindi', async () => {
		renderInKiosk(FormStep, KHASRA, { locale: 'hi' });
		const field = screen.getByRole('textbox', { name: /खसरा नंबर/ });
		const keypad = screen.getByRole('group', { name: 'अंक कीपैड' });
		for (const key of '123/45') await fireEvent.click(within(keypad).getByRole('button', { name: key }));
		expect(field).toHaveProperty('value', '123/45');
		await type(field, '12//4');
		await submit('आगे बढ़ें');
		expect(screen.getByRole('alert').textContent).toContain('खसरा नंबर अंकों में');
	});
});
