import { goto } from '$app/navigation';
import type { Locale } from '$lib/contract';
import { nextStepId } from '../engine';
import { stepHref } from '../paths';
import type { Flow } from '../types';

/** Moves the citizen on to the step after `stepId`. */
export async function goToNextStep(flow: Flow, locale: Locale, stepId: string): Promise<void> {
	const next = nextStepId(flow, stepId);
	if (!next) throw new Error(`Flow ${flow.id} has no step after ${stepId}`);
	await goto(stepHref(locale, flow.id, next));
}
