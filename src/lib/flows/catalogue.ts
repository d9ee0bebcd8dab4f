import * as v from 'valibot';
import { callHub } from '$lib/machine/hub';
import { API_PATHS, billerList, type BillerInfo } from '$lib/contract';
import { billPaymentFlow } from './bill-payment';
import { FLOWS } from './index';
import type { Flow, MenuId } from './types';

/** The last biller list the hub gave, so the menu still shows when the network drops. */
const BILLERS_KEY = 'emitra.catalogue.billers';

export interface Catalogue {
	flows: readonly Flow[];
	/** False when the hub could not be asked and no earlier answer was kept. */
	complete: boolean;
}

let billers: Promise<BillerInfo[] | null> | undefined;

/** Biller rules come from the hub (they are configuration); once per page, kept for offline use. */
function loadBillers(fetchImpl: typeof fetch): Promise<BillerInfo[] | null> {
	billers ??= callHub(fetchImpl, API_PATHS.billers).then((answer) => {
		const parsed = answer.kind === 'ok' ? v.safeParse(billerList, answer.body) : undefined;
		if (parsed?.success) {
			localStorage.setItem(BILLERS_KEY, JSON.stringify(parsed.output));
			return parsed.output.billers;
		}
		billers = undefined;
		const kept = v.safeParse(billerList, JSON.parse(localStorage.getItem(BILLERS_KEY) ?? 'null'));
		return kept.success ? kept.output.billers : null;
	});
	return billers;
}

/** Every service this kiosk offers: the built-in flows and one bill payment per biller. */
export async function loadCatalogue(fetchImpl: typeof fetch): Promise<Catalogue> {
	const fromHub = await loadBillers(fetchImpl);
	return { flows: [...FLOWS, ...(fromHub ?? []).map(billPaymentFlow)], complete: fromHub !== null };
}

export const flowIn = (catalogue: Catalogue, id: string) => catalogue.flows.find((flow) => flow.id === id);

export const flowsIn = (catalogue: Catalogue, menu: MenuId) => catalogue.flows.filter((flow) => flow.menu === menu);
