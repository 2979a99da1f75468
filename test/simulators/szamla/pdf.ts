/** Small fake PDFs: a valid-looking header and trailer around padding, so clients can check magic bytes and size. */

export function makePdf(title: string, size: number): Buffer {
	const head = Buffer.from(`%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Title (${title.replace(/[()\\]/g, '')}) >> endobj\n`, 'latin1');
	const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
	const padLength = Math.max(0, size - head.length - tail.length);
	return Buffer.concat([head, Buffer.alloc(padLength, 0x20), tail]);
}
