import { createXmlParser, escapeXml, formatNumber, leaf, node, optionalNode, renderXml, textOf } from '../../../nodes/shared/xml';

describe('XML writer', () => {
	it('escapes markup characters in text and attributes, and leaves plain text untouched', () => {
		expect(escapeXml('Kovács & Társa <Kft.> "idézet" \'x\'')).toBe('Kovács &amp; Társa &lt;Kft.&gt; &quot;idézet&quot; &apos;x&apos;');
		const plain = 'Nádor utca 7.';
		expect(escapeXml(plain)).toBe(plain);
		const xml = renderXml(node('root', [leaf('a', 'x&y')], { xmlns: 'urn:a"b' }));
		expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns="urn:a&quot;b"><a>x&amp;y</a></root>');
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
		expect(Buffer.from(parsed.r.pdf, 'base64').toString()).toBe('ABCDEF');
	});
});
