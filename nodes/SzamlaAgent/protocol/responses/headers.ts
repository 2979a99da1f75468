/**
 * The `szlahu_*` response headers. Names are matched case-insensitively (the service has changed their case before);
 * the transport already lower-cases them, but parsers may also be handed raw header maps.
 */
export interface SzlahuHeaders {
	/** Whether any szlahu_ header was present at all: the mark that the service (not a proxy) answered. */
	present: boolean;
	invoiceNumber?: string;
	documentId?: string;
	netTotal?: string;
	grossTotal?: string;
	outstandingAmount?: string;
	buyerPortalUrl?: string;
	errorCode?: string;
	errorMessage?: string;
	down?: string;
}

/** URL-decoding that survives malformed escapes: the raw text is better than an exception. */
function safeDecode(value: string): string {
	if (value.indexOf('%') < 0) return value; // nothing escaped: decoding would return it unchanged
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** `szlahu_error` is form-URL-encoded: `+` means a space. */
export function decodeFormValue(value: string): string {
	return safeDecode(value.replace(/\+/g, ' '));
}

/** `szlahu_vevoifiokurl` is percent-encoded (a literal `+` in a URL stays a `+`). */
export function decodeUrlValue(value: string): string {
	return safeDecode(value);
}

export function readSzlahuHeaders(headers: Record<string, string>): SzlahuHeaders {
	const map = new Map<string, string>();
	const names = Object.keys(headers);
	for (let i = 0; i < names.length; i++) {
		const name = names[i];
		// Cheap first-letter test before lower-casing: most headers (date, content-type, …) are not szlahu_ ones.
		const first = name.charCodeAt(0);
		if (first !== 115 && first !== 83) continue; // s, S
		const key = name.toLowerCase();
		if (key.startsWith('szlahu_')) map.set(key, String(headers[name]).trim());
	}
	const get = (name: string): string | undefined => map.get(name) || undefined;
	const error = get('szlahu_error');
	const url = get('szlahu_vevoifiokurl');
	return {
		present: map.size > 0,
		invoiceNumber: get('szlahu_szamlaszam'),
		documentId: get('szlahu_id'),
		netTotal: get('szlahu_nettovegosszeg'),
		grossTotal: get('szlahu_bruttovegosszeg'),
		outstandingAmount: get('szlahu_kintlevoseg'),
		buyerPortalUrl: url === undefined ? undefined : decodeUrlValue(url),
		errorCode: get('szlahu_error_code'),
		errorMessage: error === undefined ? undefined : decodeFormValue(error),
		down: get('szlahu_down'),
	};
}
