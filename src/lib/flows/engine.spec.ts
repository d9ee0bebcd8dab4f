import { describe, expect, it } from 'vitest';
import { emptyWizard, nextStepId, previousStepId, reachableStepId, validateForm, withAnswers, withResult } from './engine';
import { transactionStatusFlow } from './transaction-status';
import type { Flow, FormStep } from './types';
import { digitsSchema } from './validators';
import { FLOWS, flowById } from './index';

const idStep = transactionStatusFlow.steps[0] as FormStep;

/** A flow with every step kind, as a paid service would have. */
const paidFlow: Flow = {
	id: 'paid-example',
	menu: 'bills',
	title: 'menu.bills',
	icon: 'bills',
	steps: [
		{
			kind: 'form',
			id: 'number',
			question: 'transactionStatus.id.question',
			submitLabel: 'action.continue',
			fields: [
				{
					name: 'number',
					label: 'transactionStatus.id.label',
					keyboard: 'digits',
					maxLength: 12,
					schema: digitsSchema({
						minLength: 4,
						maxLength: 4,
						required: 'transactionStatus.id.required',
						format: 'transactionStatus.id.format'
					})
				}
			]
		},
		{ kind: 'confirm', id: 'check' },
		{ kind: 'payment', id: 'mode', quoteStep: 'number' },
		{
			kind: 'collect',
			id: 'pay',
			quoteStep: 'number',
			paymentStep: 'mode',
			createPayment: ({ quote, mode, locale }) => ({
				billerId: 'airtel',
				identifier: quote.identifier,
				billNumber: quote.bill.billNumber,
				language: locale,
				mode
			})
		},
		{ kind: 'done', id: 'done', body: 'done.title', collectStep: 'pay' }
	]
};

describe('validateForm', () => {
	it('cleans Devanagari digits, spaces and hyphens before checking', () => {
		expect(validateForm(idStep, { transactionId: '२६११ २२०-००१' })).toEqual({
			ok: true,
			values: { transactionId: '2611220001' }
		});
	});

	it('says "enter" for an empty field and "format" for a malformed one', () => {
		expect(validateForm(idStep, { transactionId: '  ' })).toEqual({
			ok: false,
			errors: { transactionId: 'transactionStatus.id.required' }
		});
		expect(validateForm(idStep, { transactionId: '12AB' })).toEqual({
			ok: false,
			errors: { transactionId: 'transactionStatus.id.format' }
		});
		expect(validateForm(idStep, { transactionId: '1234567' }).ok).toBe(false);
		expect(validateForm(idStep, { transactionId: '1234567890123' }).ok).toBe(false);
	});

	it('treats a missing or non-string value as not entered', () => {
		expect(validateForm(idStep, {})).toEqual({
			ok: false,
			errors: { transactionId: 'transactionStatus.id.required' }
		});
		expect(validateForm(idStep, { transactionId: 2611220001 }).ok).toBe(false);
	});
});

describe('step navigation', () => {
	it('walks forward and back through the steps', () => {
		expect(nextStepId(paidFlow, 'number')).toBe('check');
		expect(previousStepId(paidFlow, 'mode')).toBe('check');
		expect(previousStepId(paidFlow, 'number')).toBeUndefined();
		expect(nextStepId(paidFlow, 'done')).toBeUndefined();
	});

	it('sends a deep link or a reload after a wipe back to the first unanswered step', () => {
		expect(reachableStepId(transactionStatusFlow, emptyWizard(), 'status')).toBe('transaction-id');
		let wizard = withAnswers(transactionStatusFlow, emptyWizard(), 'transaction-id', {
			transactionId: '2611220001'
		});
		expect(reachableStepId(transactionStatusFlow, wizard, 'status')).toBe('transaction-id');
		wizard = withResult(wizard, 'transaction-id', { any: 'result' });
		expect(reachableStepId(transactionStatusFlow, wizard, 'status')).toBe('status');
	});

	it('requires confirmation, a payment mode and the payment before the steps after them', () => {
		let wizard = withAnswers(paidFlow, emptyWizard(), 'number', { number: '1234' });
		expect(reachableStepId(paidFlow, wizard, 'done')).toBe('check');
		wizard = withAnswers(paidFlow, wizard, 'check', { confirmed: 'yes' });
		expect(reachableStepId(paidFlow, wizard, 'done')).toBe('mode');
		wizard = withAnswers(paidFlow, wizard, 'mode', { mode: 'cash' });
		expect(reachableStepId(paidFlow, wizard, 'done')).toBe('pay');
		wizard = withResult(wizard, 'pay', { transactionId: '261122000001' });
		expect(reachableStepId(paidFlow, wizard, 'done')).toBe('done');
	});

	it('never lets Back or a deep link repeat a payment that was made', () => {
		let wizard = withAnswers(paidFlow, emptyWizard(), 'number', { number: '1234' });
		wizard = withAnswers(paidFlow, wizard, 'check', { confirmed: 'yes' });
		wizard = withAnswers(paidFlow, wizard, 'mode', { mode: 'cash' });
		wizard = withResult(wizard, 'pay', { transactionId: '261122000001' });
		for (const step of ['number', 'check', 'mode', 'pay']) {
			expect(reachableStepId(paidFlow, wizard, step)).toBe('done');
		}
		expect(previousStepId(paidFlow, 'done')).toBeUndefined();
		expect(previousStepId(paidFlow, 'pay')).toBe('mode');
	});

	it('forgets lookups, confirmations and choices made with answers that have changed', () => {
		let wizard = withAnswers(paidFlow, emptyWizard(), 'number', { number: '1234' });
		wizard = withResult(wizard, 'number', { found: true });
		wizard = withAnswers(paidFlow, wizard, 'check', { confirmed: 'yes' });
		wizard = withAnswers(paidFlow, wizard, 'number', { number: '5678' });
		expect(wizard.results).toEqual({});
		expect(wizard.answers).toEqual({ number: { number: '5678' } });
	});
});

describe('catalogue', () => {
	it('puts transaction status in the government menu and nothing unbuilt anywhere', () => {
		expect(FLOWS.filter((flow) => flow.menu === 'government').map((flow) => flow.id)).toContain('transaction-status');
		expect(flowById('transaction-status')).toBe(transactionStatusFlow);
		expect(flowById('no-such-service')).toBeUndefined();
	});

	it('gives every flow unique step ids and a result step pointing at a lookup form', () => {
		for (const flow of FLOWS) {
			const ids = flow.steps.map((step) => step.id);
			expect(new Set(ids).size, flow.id).toBe(ids.length);
			for (const step of flow.steps) {
				if (step.kind !== 'result') continue;
				const source = flow.steps.find((candidate) => candidate.id === step.lookupStep);
				expect(source?.kind === 'form' && source.lookup !== undefined, step.id).toBe(true);
			}
		}
	});
});
