/**
 * Raw HTTP client for driving the simulator in tests: a hand-built multipart body (so tests control every byte,
 * including malformed shapes) sent with undici. Deliberately shares nothing with the node's transport.
 */
import { request } from 'undici';

export interface RawPart {
	name: string;
	/** A filename makes it a file part; without one it is a plain form value. */
	filename?: string;
	contentType?: string;
	body: string | Buffer;
}

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	text: string;
	/** JSESSIONID value from Set-Cookie, if any. */
	cookie?: string;
}

export function buildMultipart(parts: RawPart[], boundary = `----szamlasim${Math.random().toString(16).slice(2)}`): { body: Buffer; contentType: string } {
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
		const type = p.contentType ?? (p.filename !== undefined ? 'text/xml' : undefined);
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`));
		chunks.push(typeof p.body === 'string' ? Buffer.from(p.body, 'utf8') : p.body);
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postRaw(url: string, body: Buffer | string, contentType: string, cookie?: string): Promise<RawResponse> {
	const res = await request(url, {
		method: 'POST',
		body,
		headers: { 'content-type': contentType, ...(cookie ? { cookie: `JSESSIONID=${cookie}` } : {}) },
	});
	const buf = Buffer.from(await res.body.arrayBuffer());
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
	const setCookie = headers['set-cookie'];
	const m = setCookie ? /JSESSIONID=([^;]+)/.exec(setCookie) : null;
	return { status: res.statusCode, headers, body: buf, text: buf.toString('utf8'), cookie: m?.[1] };
}

/** POST one XML as the file part `field` (plus optional extra parts), the way real clients do. */
export function postAgent(url: string, field: string, xml: string, opts: { cookie?: string; extraParts?: RawPart[] } = {}): Promise<RawResponse> {
	const { body, contentType } = buildMultipart([{ name: field, filename: `${field}.xml`, body: xml }, ...(opts.extraParts ?? [])]);
	return postRaw(url, body, contentType, opts.cookie);
}

/** Decode the vendor's form-URL-encoded szlahu_error header. */
export function decodeHeader(value: string | undefined): string | undefined {
	return value === undefined ? undefined : decodeURIComponent(value.replace(/\+/g, ' '));
}
