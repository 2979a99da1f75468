import { InputError } from '../../../nodes/shared/errors';
import { createXmlParser, formatNumber, leaf, node, optionalNode, renderXml, textOf } from '../../../nodes/shared/xml';

describe('XML writer', () => {
	it('escapes markup characters in text and attributes, and leaves plain text untouched', () => {
		const xml = renderXml(node('root', [leaf('a', 'x&y'), leaf('b', 'Kovács & Társa <Kft.> "idézet" \'x\''), leaf('c', 'Nádor utca 7.')], { xmlns: 'urn:a"b' }));
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns="urn:a&quot;b"><a>x&amp;y</a><b>Kovács &amp; Társa &lt;Kft.&gt; "idézet" \'x\'</b><c>Nádor utca 7.</c></root>',
		);
		// What a parser reads back is exactly what was given.
		expect(createXmlParser().parse(xml).root.b).toBe('Kovács & Társa <Kft.> "idézet" \'x\'');
	});

	it('refuses a character XML 1.0 cannot carry with an InputError naming the field, in text and in attributes', () => {
		const named = () => renderXml(node('r', [{ name: 'nev', text: 'Minta Kft.\u000b2', field: 'Buyer Name' }]));
		expect(named).toThrow(InputError);
		expect(named).toThrow('contains U+000B (position 11), which the service cannot accept');
		try {
			named();
		} catch (error) {
			expect((error as InputError).field).toBe('Buyer Name');
		}
		expect(() => renderXml(node('r', [leaf('megjegyzes', 'a\ud800')]))).toThrow(expect.objectContaining({ field: 'megjegyzes' }));
		expect(() => renderXml(node('r', [], { id: 'x\u0000' }))).toThrow(expect.objectContaining({ field: 'r (id)' }));
	});

	it('writes tab, LF and CR as they are (an XML parser then reads CR and CRLF as LF)', () => {
		const xml = renderXml(node('r', [leaf('t', 'a\tb\nc\r\nd\re')]));
		expect(xml).toContain('<t>a\tb\nc\r\nd\re</t>');
		expect(createXmlParser().parse(xml).r.t).toBe('a\tb\nc\nd\ne');
	});

	it('writes namespace prefixes declared on the root', () => {
		const xml = renderXml(node('root', [node('common:city', [leaf('common:name', 'Győr')])], { xmlns: 'urn:m', 'xmlns:common': 'urn:c' }));
		expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns="urn:m" xmlns:common="urn:c"><common:city><common:name>Győr</common:name></common:city></root>');
	});

	it('keeps children in the given order and leaves unset optional elements out', () => {
		const xml = renderXml(node('r', [leaf('b', 2), leaf('skip', undefined), leaf('a', true), optionalNode('empty', [leaf('x', null)]), leaf('c', 'z')]));
		expect(xml).toContain('<r><b>2</b><a>true</a><c>z</c></r>');
	});

	it('writes numbers in plain decimal notation, never exponent form or -0', () => {
		expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(formatNumber(1e-7)).toBe('0.0000001');
		expect(formatNumber(1e21)).toBe('1000000000000000000000');
		expect(formatNumber(-0)).toBe('0');
		expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
	});

	it('parses with namespace prefixes removed, values as text and listed elements as arrays', () => {
		const parser = createXmlParser(['tetel']);
		const parsed = parser.parse('<ns2:root xmlns:ns2="urn:x"><ns2:n>007</ns2:n><ns2:tetel><ns2:a><![CDATA[a & b]]></ns2:a></ns2:tetel></ns2:root>');
		expect(parsed.root.n).toBe('007');
		expect(Array.isArray(parsed.root.tetel)).toBe(true);
		expect(textOf(parsed.root.tetel[0].a)).toBe('a & b');
		expect(textOf({ '#text': 5 })).toBe('5');
		expect(textOf(undefined)).toBeUndefined();
	});

	it('decodes numeric character references once, and only once', () => {
		const parsed = createXmlParser().parse('<r><name>Caf&#233; &#x41;&amp;B &amp;#233;</name><pdf>QUJD&#13;\nREVG</pdf></r>');
		expect(parsed.r.name).toBe('Café A&B &#233;');
		// XML's entities only: an HTML name is not XML and stays as written.
		expect(createXmlParser().parse('<r>a&nbsp;b</r>').r).toBe('a&nbsp;b');
		expect(Buffer.from(parsed.r.pdf, 'base64').toString()).toBe('ABCDEF');
	});
});
