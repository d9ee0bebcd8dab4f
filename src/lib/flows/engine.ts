import * as v from 'valibot';
import type { MessageId } from '$lib/i18n/translate';
import type { FlowAnswers, Flow, FormStep, Step } from './types';

/** Everything a citizen has done in one flow: typed answers and the hub's lookup results. */
export interface WizardData {
	answers: FlowAnswers;
	results: Record<string, unknown>;
}

export const emptyWizard = (): WizardData => ({ answers: {}, results: {} });

export type FormValidation = { ok: true; values: Record<string, string> } | { ok: false; errors: Record<string, MessageId> };

/** Cleans and checks every field of a form step; the kiosk and the hub both call this. */
export function validateForm(step: FormStep, raw: Record<string, unknown>): FormValidation {
	const values: Record<string, string> = {};
	const errors: Record<string, MessageId> = {};
	for (const field of step.fields) {
		const result = v.safeParse(field.schema, raw[field.name] ?? '');
		// An optional field left blank is sent as blank; the hub reads blank as "none given".
		if (result.success) values[field.name] = result.output ?? '';
		else errors[field.name] = (result.issues[0]?.message ?? field.label) as MessageId;
	}
	return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, errors };
}

export function findStep(flow: Flow, stepId: string): Step | undefined {
	return flow.steps.find((step) => step.id === stepId);
}

function indexOf(flow: Flow, stepId: string): number {
	const index = flow.steps.findIndex((step) => step.id === stepId);
	if (index < 0) throw new Error(`Flow ${flow.id} has no step ${stepId}`);
	return index;
}

export function nextStepId(flow: Flow, stepId: string): string | undefined {
	return flow.steps[indexOf(flow, stepId) + 1]?.id;
}

/**
 * The step Back leads to; undefined on the first step, where Back returns to the menu, and after
 * a payment or a verified change, which Back must never repeat.
 */
export function previousStepId(flow: Flow, stepId: string): string | undefined {
	const previous = flow.steps[indexOf(flow, stepId) - 1];
	return previous?.kind === 'collect' || previous?.kind === 'otp-fingerprint' ? undefined : previous?.id;
}

export function firstStepId(flow: Flow): string {
	const first = flow.steps[0];
	if (!first) throw new Error(`Flow ${flow.id} has no steps`);
	return first.id;
}

/** A step is complete when what it asks for is in the wizard, so later steps may be shown. */
function isComplete(step: Step, wizard: WizardData): boolean {
	switch (step.kind) {
		case 'form':
			return validateForm(step, wizard.answers[step.id] ?? {}).ok && (!step.lookup || wizard.results[step.id] !== undefined);
		case 'confirm':
			return wizard.answers[step.id]?.confirmed === 'yes';
		case 'payment':
			return Boolean(wizard.answers[step.id]?.mode);
		case 'collect':
		case 'print-order':
		case 'otp-fingerprint':
			return wizard.results[step.id] !== undefined;
		case 'choice':
			return Boolean(wizard.answers[step.id]?.value);
		case 'print':
			return wizard.answers[step.id]?.finished === 'yes';
		case 'result':
		case 'done':
			return true;
	}
}

/**
 * The step a citizen may see when they ask for `targetStepId`: the target itself, or the first
 * earlier step still missing an answer (after a timeout wiped the answers, or a deep link).
 */
export function reachableStepId(flow: Flow, wizard: WizardData, targetStepId: string): string {
	const target = indexOf(flow, targetStepId);
	// Once money has moved, nothing up to the payment can be done again: Back lands after it.
	const paid = flow.steps.findIndex((step) => step.kind === 'collect' && isComplete(step, wizard));
	if (paid >= 0 && target <= paid) return flow.steps[paid + 1]?.id ?? targetStepId;
	for (const step of flow.steps.slice(0, target)) {
		if (!isComplete(step, wizard)) return step.id;
	}
	return targetStepId;
}

/**
 * New answers on a step make stale what was looked up, confirmed or chosen from that step on;
 * answers typed on later form steps are kept so the citizen need not type them again.
 */
export function withAnswers(flow: Flow, wizard: WizardData, stepId: string, answers: Record<string, string>): WizardData {
	const from = indexOf(flow, stepId);
	const stale = new Set(flow.steps.slice(from).map((step) => step.id));
	const decisions = new Set(
		flow.steps
			.slice(from + 1)
			// A later choice depends on earlier ones (a tehsil on its district), so it is made again.
			.filter((step) => ['confirm', 'payment', 'collect', 'choice', 'print-order', 'print', 'otp-fingerprint'].includes(step.kind))
			.map((step) => step.id)
	);
	const keptAnswers = Object.fromEntries(Object.entries(wizard.answers).filter(([id]) => !decisions.has(id)));
	const keptResults = Object.fromEntries(Object.entries(wizard.results).filter(([id]) => !stale.has(id)));
	return { answers: { ...keptAnswers, [stepId]: answers }, results: keptResults };
}

/** The hub's answer to a form step's lookup, kept for the result step that shows it. */
export function withResult(wizard: WizardData, stepId: string, result: unknown): WizardData {
	return { ...wizard, results: { ...wizard.results, [stepId]: result } };
}
