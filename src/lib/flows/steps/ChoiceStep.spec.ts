import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { goto } from '$app/navigation';
import { GOVERNMENT_PATHS, type ChoiceOption } from '$lib/contract';
import { fakeHub, json } from '$lib/ui/testing/fake-hub';
import { renderInKiosk } from '$lib/ui/testing/render-in-kiosk.svelte';
import type { WizardData } from '../engine';
import { janAadhaarFlow } from '../jan-aadhaar';
import { landRecordsFlow } from '../land-records';
import type { ChoiceStep as ChoiceStepType, Flow } from '../types';
import { loadWizard } from '../wizard-storage';
import ChoiceStep from './ChoiceStep.svelte';
import { FAMILY } from './testing/government';

const choiceIn = (flow: Flow, id: string) => ({
	step: flow.steps.find((step): step is ChoiceStepType => step.kind === 'choice' && step.id === id)!,
	flow
});
const DISTRICT = choiceIn(landRecordsFlow, 'district');
const TEHSIL = choiceIn(landRecordsFlow, 'tehsil');
const MEMBER = choiceIn(janAadhaarFlow, 'member');

const option = (value: string, en: string, hi: string): ChoiceOption => ({ value, label: { en, hi } });
const DISTRICTS = [
	option('106', 'Bikaner', 'बीकानेर'),
	option('115', 'Jaipur', 'जयपुर'),
	option('116', 'Jaisalmer', 'जैसलमेर'),
	option('121', 'Jodhpur', 'जोधपुर')
];

const choices = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('button');

describe('ChoiceStep', () => {
	it('narrows a long list with its letter keys and records the choice in both scripts', async () => {
		fakeHub({ [GOVERNMENT_PATHS.districts]: () => json(200, { options: DISTRICTS }) });
		renderInKiosk(ChoiceStep, DISTRICT);
		const question = 'Which district is the land in?';
		await waitFor(() => expect(choices(question)).toHaveLength(4));
		const keys = screen.getByRole('group', { name: 'Keyboard' });
		for (const letter of 'jai') await fireEvent.click(within(keys).getByRole('button', { name: letter }));
		expect(screen.getByRole('searchbox', { name: /Search the list/ })).toHaveProperty('value', 'jai');
		expect(choices(question).map((choice) => choice.textContent)).toEqual(['Jaipur जयपुर', 'Jaisalmer जैसलमेर']);

		await fireEvent.click(screen.getByRole('button', { name: /^Jaipur/ }));
		expect(loadWizard(sessionStorage, 'land-records').answers.district).toEqual({ value: '115', en: 'Jaipur', hi: 'जयपुर' });
		expect(goto).toHaveBeenCalledWith('/en/services/land-records/tehsil');
	});

	it('searches by Devanagari letters without their vowel signs on a Hindi screen', async () => {
		fakeHub({ [GOVERNMENT_PATHS.districts]: () => json(200, { options: DISTRICTS }) });
		renderInKiosk(ChoiceStep, DISTRICT, { locale: 'hi' });
		const question = 'भूमि किस ज़िले में है?';
		await waitFor(() => expect(choices(question)).toHaveLength(4));
		const keys = screen.getByRole('group', { name: 'कीबोर्ड' });
		for (const letter of 'जय') await fireEvent.click(within(keys).getByRole('button', { name: letter }));
		expect(choices(question).map((choice) => choice.textContent)).toEqual(['जयपुर Jaipur']);
	});

	it('finds a name typed in the other script with its vowel signs', async () => {
		const tehsils = [option('11501', 'Sanganer', 'सांगानेर'), option('11502', 'Amber', 'आमेर')];
		fakeHub({ [GOVERNMENT_PATHS.tehsils('115')]: () => json(200, { options: tehsils }) });
		const wizard: WizardData = { answers: { district: { value: '115', en: 'Jaipur', hi: 'जयपुर' } }, results: {} };
		renderInKiosk(ChoiceStep, TEHSIL, { wizard });
		await waitFor(() => expect(choices('Which tehsil is the land in?')).toHaveLength(2));
		await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'सांगा' } });
		expect(choices('Which tehsil is the land in?').map((choice) => choice.textContent)).toEqual(['Sanganer सांगानेर']);
	});

	it('says the list could not be fetched, and fetches it again when asked', async () => {
		const hub = fakeHub({ [GOVERNMENT_PATHS.districts]: () => json(200, { options: DISTRICTS }) });
		hub.reachable = false;
		renderInKiosk(ChoiceStep, DISTRICT);
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The kiosk cannot reach the e-Mitra server'));
		hub.reachable = true;
		await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await waitFor(() => expect(choices('Which district is the land in?')).toHaveLength(4));
	});

	it('shows a family’s members as tiles, names masked, from the lookup before it', () => {
		renderInKiosk(ChoiceStep, MEMBER, { wizard: { answers: {}, results: { 'jan-aadhaar-id': FAMILY } } });
		const tiles = choices('Whose mobile number do you want to change?');
		expect(tiles).toHaveLength(2);
		expect(tiles[0]?.textContent).toContain('S***** D*** S*****');
		expect(tiles[0]?.textContent).toContain('Mobile: XXXXXX2345');
		expect(screen.queryByText(/Sunita/)).toBeNull();
	});
});
