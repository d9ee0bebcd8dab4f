import type { Bilingual, ChoiceOption } from '$lib/contract';
import places from './rajasthan-places.json';

/**
 * Rajasthan's districts, tehsils and villages: reference data kept in a data file keyed by
 * LGD-style codes, so a new tehsil or village is an edit to the file, not to code.
 */
interface Place {
	code: string;
	name: Bilingual;
}
type Village = Place;
interface Tehsil extends Place {
	villages: Village[];
}
interface District extends Place {
	tehsils: Tehsil[];
}

const DISTRICTS: readonly District[] = places.districts;

const asOption = (place: Place): ChoiceOption => ({ value: place.code, label: place.name });
const byEnglishName = (a: Place, b: Place) => a.name.en.localeCompare(b.name.en, 'en');

export function districtOptions(): ChoiceOption[] {
	return [...DISTRICTS].sort(byEnglishName).map(asOption);
}

/** Null when there is no such district. */
export function tehsilOptions(districtCode: string): ChoiceOption[] | null {
	const district = DISTRICTS.find((candidate) => candidate.code === districtCode);
	return district ? [...district.tehsils].sort(byEnglishName).map(asOption) : null;
}

export function villageOptions(tehsilCode: string): ChoiceOption[] | null {
	const tehsil = DISTRICTS.flatMap((district) => district.tehsils).find((candidate) => candidate.code === tehsilCode);
	return tehsil ? [...tehsil.villages].sort(byEnglishName).map(asOption) : null;
}

export interface VillagePlace {
	district: Place;
	tehsil: Place;
	village: Place;
}

/** A village with the tehsil and district it lies in, or undefined. */
export function findVillage(villageCode: string): VillagePlace | undefined {
	for (const district of DISTRICTS) {
		for (const tehsil of district.tehsils) {
			const village = tehsil.villages.find((candidate) => candidate.code === villageCode);
			if (village) return { district: asPlace(district), tehsil: asPlace(tehsil), village: asPlace(village) };
		}
	}
	return undefined;
}

const asPlace = (place: Place): Place => ({ code: place.code, name: place.name });
