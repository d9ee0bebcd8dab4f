import { createContext } from 'svelte';
import type { Locale } from '$lib/contract';
import type { WizardData } from '$lib/flows/engine';
import type { Translate } from './translate';

/**
 * What every screen of a citizen's service reads from the page that shows it: the screen's
 * language, its words, and what the citizen has entered so far. The page sets it once with
 * getters, so a language switch reaches every step, payment screen and keypad without a prop.
 */
export interface KioskContext {
	readonly t: Translate;
	readonly locale: Locale;
	readonly wizard: WizardData;
}

export const [getKioskContext, setKioskContext] = createContext<KioskContext>();
