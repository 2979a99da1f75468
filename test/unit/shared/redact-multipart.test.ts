import { buildMultipart } from '../../../nodes/shared/multipart';
import { redact } from '../../../nodes/shared/redact';

describe('redact', () => {
	it('removes every occurrence of each secret and masks any session cookie', () => {
		const text = 'key=AGENT-KEY-123456 again AGENT-KEY-123456; Cookie: JSESSIONID=abc.def-123; pw=hunter22';
		const clean = redact(text, ['AGENT-KEY-123456', 'hunter22', undefined]);
		expect(clean).not.toContain('AGENT-KEY-123456');
		expect(clean).not.toContain('hunter22');
		expect(clean).not.toContain('abc.def-123');
		expect(clean).toContain('JSESSIONID=[redacted]');
	});

	it('ignores secrets too short to be real, so ordinary words survive', () => {
		expect(redact('a b c', ['a'])).toBe('a b c');
	});
});

describe('multipart body', () => {
	it('carries each part as a file under its field name, readable by a standard multipart parser', async () => {
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0x0d, 0x0a]);
		const body = buildMultipart([
			{ field: 'action-xmlagentxmlfile', fileName: 'xmlszamla.xml', contentType: 'text/xml', content: '<a>Árvíztűrő</a>' },
			{ field: 'attachfile1', fileName: 'terms "v2".pdf', contentType: 'application/pdf', content: pdf },
		]);
		const form = await new Response(body.body, { headers: { 'content-type': body.contentType } }).formData();
		const xml = form.get('action-xmlagentxmlfile') as File;
		expect(typeof xml).not.toBe('string');
		expect(xml.name).toBe('xmlszamla.xml');
		expect(await xml.text()).toBe('<a>Árvíztűrő</a>');
		const attachment = form.get('attachfile1') as File;
		expect(Buffer.from(await attachment.arrayBuffer())).toEqual(pdf);
		expect(attachment.type).toBe('application/pdf');
	});
});
