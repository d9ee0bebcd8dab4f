import { describe, expect, it } from 'vitest';
import { elementsNamed, firstElementNamed } from './xml-attributes';

describe('elementsNamed', () => {
	it('reads attributes in either quote style, with spaces around "=", from empty and open elements', () => {
		const xml = `<?xml version="1.0"?>
<RDService status='READY' info = "Morpho_RD_Service">
	<Interface id="CAPTURE" path="/capture"/>
	<Interface id='DEVICEINFO'   path='/getDeviceInfo' />
</RDService>`;

		expect(firstElementNamed(xml, 'RDService')).toEqual({ status: 'READY', info: 'Morpho_RD_Service' });
		expect(elementsNamed(xml, 'Interface')).toEqual([
			{ id: 'CAPTURE', path: '/capture' },
			{ id: 'DEVICEINFO', path: '/getDeviceInfo' }
		]);
	});

	it('decodes entities and keeps ">" and the other quote inside values', () => {
		const xml = `<Resp errInfo="Finger &quot;moved&quot; &amp; lifted &gt; retry &#x0939;&#2367;" note='a > b "c"'/>`;

		expect(firstElementNamed(xml, 'Resp')).toEqual({ errInfo: 'Finger "moved" & lifted > retry हि', note: 'a > b "c"' });
	});

	it('matches the whole element name only, and skips comments and CDATA', () => {
		const xml = `<!-- <Resp errCode="1"/> --><RespX errCode="2"/><![CDATA[<Resp errCode="3"/>]]><Resp errCode="0"/>`;

		expect(elementsNamed(xml, 'Resp')).toEqual([{ errCode: '0' }]);
	});

	it('finds nothing in text that is not XML', () => {
		expect(firstElementNamed('Not found', 'RDService')).toBeNull();
		expect(elementsNamed('', 'Interface')).toEqual([]);
	});
});
