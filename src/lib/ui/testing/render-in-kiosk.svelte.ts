import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { Locale } from '$lib/contract';
import { emptyWizard, type WizardData } from '$lib/flows/engine';
import type { KioskContext } from '$lib/i18n/kiosk-context';
import { translator } from '$lib/i18n/translate';
import KioskScreen from './KioskScreen.svelte';

/**
 * Renders a kiosk screen (a step, a payment mode, the keypad) as the step page would: in the
 * kiosk context, in a language, with what the citizen entered so far. `kiosk.locale` switches the
 * language as the header's switch would.
 */
export function renderInKiosk<Props extends Record<string, unknown>>(
	screen: Component<Props>,
	props: Props,
	start: { locale?: Locale; wizard?: WizardData } = {}
) {
	const kiosk = $state({ locale: start.locale ?? 'en', wizard: start.wizard ?? emptyWizard() });
	const context: KioskContext = {
		get t() {
			return translator(kiosk.locale);
		},
		get locale() {
			return kiosk.locale;
		},
		get wizard() {
			return kiosk.wizard;
		}
	};
	return { ...render(KioskScreen<Props>, { props: { kiosk: context, screen, props } }), kiosk };
}
