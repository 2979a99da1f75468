/** Reading the session cookie out of Set-Cookie headers; only JSESSIONID matters to the Számla Agent. */

/** The JSESSIONID value the server issued, or undefined. An empty or expiring cookie counts as "none issued". */
export function sessionCookieFrom(setCookies: readonly string[]): string | undefined {
	let found: string | undefined;
	for (const header of setCookies) {
		const match = /^\s*JSESSIONID=([^;]*)(.*)$/i.exec(header);
		if (!match) continue;
		const value = match[1].trim();
		const expiring = /;\s*max-age=0\b/i.test(match[2]);
		// The last one wins, as in a browser.
		found = value && !expiring ? value : undefined;
	}
	return found;
}

export function cookieHeader(cookie: string): string {
	return `JSESSIONID=${cookie}`;
}
