import { describe, expect, it } from 'vitest';
import { maskName } from './mask';

describe('maskName', () => {
	it.each([
		['Ramesh Kumar Meena', 'R***** K**** M****'],
		['Pooja Rathore', 'P**** R******'],
		['A K Sharma', 'A K S*****'],
		['  Abdul\tRashid \n Khan ', 'A**** R***** K***'],
		['सुनीता देवी शर्मा', 'सु** दे* श*'],
		['श्रीराम सैनी', 'श्री** सै*'],
		['लक्ष्मी बिश्नोई', 'ल* बि**'],
		['प्रकाश चन्द्र जैन', 'प्र** च* जै*'],
		['Gita कंवर', 'G*** कं**']
	])('masks %j as %j', (name, masked) => {
		expect(maskName(name)).toBe(masked);
	});

	it('keeps nothing of a blank name', () => {
		expect(maskName(' \t ')).toBe('');
	});
});
