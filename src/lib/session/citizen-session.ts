import { goto } from '$app/navigation';
import { clearCitizenData } from '$lib/flows/wizard-storage';

/**
 * Ends the citizen's session: everything they entered is wiped and the kiosk shows the language
 * screen for the next person. `replaceState` keeps the finished session out of browser history.
 */
export async function endCitizenSession(): Promise<void> {
	clearCitizenData(sessionStorage);
	await goto('/', { replaceState: true, invalidateAll: true });
}
