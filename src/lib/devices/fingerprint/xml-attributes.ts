/**
 * Reads element attributes out of the small, flat XML documents an RD Service returns
 * (RDService, DeviceInfo, PidData/Resp). The kiosk needs attributes only — the PID block itself
 * goes to the hub untouched — so this stays a few lines instead of a DOM, and behaves the same
 * in the browser and in unit tests under Node, which has no DOMParser.
 */

export type XmlAttributes = Record<string, string>;

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = `(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`;

/** The attributes of every `<name …>` or `<name …/>` element, in document order. */
export function elementsNamed(xml: string, name: string): XmlAttributes[] {
	const withoutNoise = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
	const element = new RegExp(`<${escapeRegExp(name)}((?:\\s+${ATTRIBUTE})*)\\s*/?>`, 'g');
	return [...withoutNoise.matchAll(element)].map((match) => {
		const attributes: XmlAttributes = {};
		for (const [, key = '', doubleQuoted, singleQuoted] of (match[1] ?? '').matchAll(new RegExp(ATTRIBUTE, 'g'))) {
			attributes[key] = decodeEntities(doubleQuoted ?? singleQuoted ?? '');
		}
		return attributes;
	});
}

/** The attributes of the first `<name>` element, or null when there is none. */
export function firstElementNamed(xml: string, name: string): XmlAttributes | null {
	return elementsNamed(xml, name)[0] ?? null;
}

function decodeEntities(value: string): string {
	return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (entity, body: string) => {
		if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
		if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
		return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[body] ?? entity;
	});
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
