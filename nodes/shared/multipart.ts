/**
 * multipart/form-data bodies built by hand: the Számla Agent picks the operation from the name of the file part, and
 * every part here is a file (an XML request or an attachment). Building the bytes directly keeps the request
 * deterministic and cheap.
 */
import { randomBytes } from 'crypto';

export interface FilePart {
	field: string;
	fileName: string;
	contentType: string;
	content: Buffer | string;
}

export interface MultipartBody {
	contentType: string;
	body: Buffer;
}

function quoted(value: string): string {
	// RFC 7578: quote and escape; drop line breaks, which would end the header.
	return value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

export function buildMultipart(parts: FilePart[]): MultipartBody {
	const boundary = `----n8nSzamlaAgent${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.field)}"; filename="${quoted(part.fileName)}"\r\n` +
					`Content-Type: ${part.contentType}\r\n\r\n`,
				'utf8',
			),
			typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
