import { emptyWizard, type WizardData } from './engine';

/** Citizen data lives only in sessionStorage, which the end of a citizen's session empties. */
const keyFor = (serviceId: string) => `emitra.wizard.${serviceId}`;

export function loadWizard(storage: Storage, serviceId: string): WizardData {
	const stored = storage.getItem(keyFor(serviceId));
	if (!stored) return emptyWizard();
	try {
		const parsed: unknown = JSON.parse(stored);
		if (
			parsed &&
			typeof parsed === 'object' &&
			'answers' in parsed &&
			'results' in parsed &&
			typeof parsed.answers === 'object' &&
			typeof parsed.results === 'object'
		) {
			return parsed as WizardData;
		}
	} catch {
		// A damaged entry is treated like no entry: the citizen starts the flow again.
	}
	storage.removeItem(keyFor(serviceId));
	return emptyWizard();
}

export function saveWizard(storage: Storage, serviceId: string, wizard: WizardData): void {
	storage.setItem(keyFor(serviceId), JSON.stringify(wizard));
}

export function clearWizard(storage: Storage, serviceId: string): void {
	storage.removeItem(keyFor(serviceId));
}

/**
 * Wipes everything any citizen entered: on Home, on Finish and when the idle countdown ends.
 * The whole of sessionStorage goes, including SvelteKit's page snapshots, which can hold input.
 */
export function clearCitizenData(storage: Storage): void {
	storage.clear();
}
