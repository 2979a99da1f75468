/**
 * Secret scrubbing for anything that may reach an output item, an error message or a log line.
 * Secrets are replaced wherever they occur, and session cookies are masked by pattern because a fresh one
 * may not be known to the caller yet.
 */
const MASK = '[redacted]';

export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		// Very short values would mask ordinary words; real keys, passwords and hashes are longer.
		if (secret && secret.length >= 4) result = result.split(secret).join(MASK);
	}
	return result.replace(/(JSESSIONID=)[^;\s"']+/gi, `$1${MASK}`);
}
