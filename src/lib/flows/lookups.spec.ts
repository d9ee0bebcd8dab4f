import { describe, expect, it } from 'vitest';
import { LOOKUP_SERVICES, lookupPath } from '$lib/contract';
import { FLOWS } from './index';
import type { FormStep } from './types';

/** Where each built-in flow's lookups go, as FormStep sends them. */
function lookupPaths(): string[] {
	const paths: string[] = [];
	for (const flow of FLOWS) {
		for (const step of flow.steps) {
			if (step.kind !== 'form' || !step.lookup) continue;
			const values = Object.fromEntries((step as FormStep).fields.map((field) => [field.name, '1']));
			const request = step.lookup.request?.(values, {});
			paths.push(request ? request.path : lookupPath(flow.id as never));
		}
	}
	return paths;
}

describe('the flows’ lookups and the hub’s registry', () => {
	it('every lookup a flow makes is one the contract registers, and every registered one has a flow', () => {
		// Finding a reprint is not a question to a department but this kiosk's own print order,
		// kiosk-authenticated and counted like a lookup by the print-order endpoints.
		const asked = new Set(lookupPaths().filter((path) => path !== '/api/v1/print-orders/reprint'));
		const registered = new Set(LOOKUP_SERVICES.map((service) => lookupPath(service)));
		expect([...asked].filter((path) => !registered.has(path))).toEqual([]);
		expect([...registered].filter((path) => !asked.has(path))).toEqual([]);
	});
});
