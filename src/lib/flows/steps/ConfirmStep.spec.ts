import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { billQuoteFixture } from '$lib/checkout/testing/bill-quote';
import { PHED } from '$lib/checkout/testing/biller-info';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import { billPaymentFlow } from '../bill-payment';
import type { ConfirmStep as ConfirmStepType } from '../types';
import { loadWizard } from '../wizard-storage';
import ConfirmStep from './ConfirmStep.svelte';

const flow = billPaymentFlow(PHED);
const step = flow.steps.find((candidate): candidate is ConfirmStepType => candidate.kind === 'confirm')!;
const wizard = {
	answers: { consumer: { identifier: '210300004501', mobile: '9414012345', email: '' } },
	results: { consumer: billQuoteFixture() }
};

describe('ConfirmStep', () => {
	it('lists every answer given (a blank e-mail is none), each with a link back to the screen that asked it', () => {
		renderInKiosk(ConfirmStep, { step, flow }, { wizard });
		expect(screen.getByRole('heading', { name: 'Check your answers' })).toBeTruthy();
		expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual(['CID number', 'Your mobile number']);
		expect(screen.getByText('210300004501')).toBeTruthy();
		const change = screen.getByRole('link', { name: 'Change CID number' });
		expect(change.getAttribute('href')).toBe('/en/services/bill-phed/consumer');
	});

	it('records the confirmation and goes on to the payment modes', async () => {
		renderInKiosk(ConfirmStep, { step, flow }, { wizard, locale: 'hi' });
		await fireEvent.click(screen.getByRole('button', { name: 'सही' }));
		expect(loadWizard(sessionStorage, flow.id).answers.check).toEqual({ confirmed: 'yes' });
		expect(goto).toHaveBeenCalledWith('/hi/services/bill-phed/mode');
	});
});
