const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A name a bystander cannot read off the kiosk screen: each word keeps its first letter and every
 * other letter becomes `*`. Letters are grapheme clusters, so a Devanagari conjunct with its
 * matra ("श्री") is one letter: "Ramesh Kumar Meena" → "R***** K**** M****".
 */
export function maskName(name: string): string {
	return name
		.split(/\s+/u)
		.filter((word) => word !== '')
		.map(maskWord)
		.join(' ');
}

function maskWord(word: string): string {
	const [first = '', ...rest] = Array.from(graphemes.segment(word), (part) => part.segment);
	return first + '*'.repeat(rest.length);
}
