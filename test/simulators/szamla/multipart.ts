/**
 * Strict reading of the multipart request: the XML must be a FILE part named after one of the 11 actions
 * (a plain form value → 53, like the real service); attachfile1..5 only beside action-xmlagentxmlfile.
 * Parsing is Node's built-in WHATWG FormData (undici), which distinguishes file parts (with filename) from values.
 */
import { ACTION_BY_FIELD, ATTACHMENT_FIELD, MAX_ATTACHMENTS, type ActionInfo } from './actions';
import { AgentError, MESSAGES } from './answers';

export interface AgentForm {
	action?: ActionInfo;
	xml?: Buffer;
	attachments: number;
	error?: AgentError;
}

export async function readAgentForm(contentType: string | undefined, body: Buffer): Promise<AgentForm> {
	if (!contentType || !/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
		return { attachments: 0, error: new AgentError(53, MESSAGES.missingXml) };
	}
	let form: FormData;
	try {
		form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
	} catch {
		return { attachments: 0, error: new AgentError(53, MESSAGES.missingXml) };
	}
	const files: Array<{ action: ActionInfo; file: Blob }> = [];
	let plainValueAction: ActionInfo | undefined;
	const attachmentNames: string[] = [];
	let attachmentAsValue = false;
	for (const [name, entry] of form) {
		const action = ACTION_BY_FIELD.get(name);
		if (action) {
			if (typeof entry === 'string') plainValueAction ??= action;
			else files.push({ action, file: entry });
		} else if (ATTACHMENT_FIELD.test(name)) {
			attachmentNames.push(name);
			if (typeof entry === 'string') attachmentAsValue = true;
		}
		// Other fields are ignored, as a servlet would; an unknown action-… field simply supplies no XML (→ 53).
	}
	if (files.length === 0) {
		const error = plainValueAction
			? new AgentError(53, `${MESSAGES.missingXml} (a(z) ${plainValueAction.field} mező szövegként érkezett)`)
			: new AgentError(53, MESSAGES.missingXml);
		return { action: plainValueAction, attachments: 0, error };
	}
	const action = files[0].action;
	if (files.length > 1) {
		return { action, attachments: 0, error: new AgentError(57, 'XML olvasási hiba: egy kérésben csak egy XML fájl küldhető') };
	}
	if (attachmentNames.length) {
		if (action.root !== 'xmlszamla') {
			return { action, attachments: 0, error: new AgentError(57, `XML olvasási hiba: melléklet csak számlakészítéskor küldhető (${action.field})`) };
		}
		if (attachmentAsValue || attachmentNames.length > MAX_ATTACHMENTS || new Set(attachmentNames).size !== attachmentNames.length) {
			return { action, attachments: 0, error: new AgentError(57, `XML olvasási hiba: legfeljebb ${MAX_ATTACHMENTS} melléklet fájl küldhető (attachfile1..attachfile5)`) };
		}
	}
	return { action, xml: Buffer.from(await files[0].file.arrayBuffer()), attachments: attachmentNames.length };
}
