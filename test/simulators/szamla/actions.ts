/**
 * The 11 Számla Agent operations: multipart field name → request root element (= XSD name), per szamla-agent.md §1.
 * `errorBody` says which answer shape carries errors for that operation (§3.1, §3.4).
 */

export type ErrorBody = 'invoice' | 'query-xml' | 'proforma-delete' | 'receipt' | 'receipt-send' | 'taxpayer';

export interface ActionInfo {
	field: string;
	root: string;
	errorBody: ErrorBody;
	/** XSDs (relative to ../shared/xsd) a request may satisfy; the first one's messages are reported on failure. */
	xsds: string[];
}

function action(field: string, root: string, errorBody: ErrorBody, docsVariant = false): ActionInfo {
	const xsds = [`szamla/request/${root}.xsd`];
	if (docsVariant) xsds.push(`szamla/request-docs-variant/${root}.xsd`);
	return { field, root, errorBody, xsds };
}

export const ACTIONS: readonly ActionInfo[] = [
	action('action-xmlagentxmlfile', 'xmlszamla', 'invoice', true),
	action('action-szamla_agent_st', 'xmlszamlast', 'invoice'),
	action('action-szamla_agent_kifiz', 'xmlszamlakifiz', 'invoice'),
	action('action-szamla_agent_pdf', 'xmlszamlapdf', 'invoice'),
	action('action-szamla_agent_xml', 'xmlszamlaxml', 'query-xml'),
	action('action-szamla_agent_dijbekero_torlese', 'xmlszamladbkdel', 'proforma-delete'),
	action('action-szamla_agent_nyugta_create', 'xmlnyugtacreate', 'receipt', true),
	action('action-szamla_agent_nyugta_storno', 'xmlnyugtast', 'receipt'),
	action('action-szamla_agent_nyugta_get', 'xmlnyugtaget', 'receipt', true),
	action('action-szamla_agent_nyugta_send', 'xmlnyugtasend', 'receipt-send'),
	action('action-szamla_agent_taxpayer', 'xmltaxpayer', 'taxpayer'),
];

export const ACTION_BY_FIELD: ReadonlyMap<string, ActionInfo> = new Map(ACTIONS.map((a) => [a.field, a]));

export const ATTACHMENT_FIELD = /^attachfile[1-5]$/;
export const MAX_ATTACHMENTS = 5;

export function namespaceOf(root: string): string {
	return `http://www.szamlazz.hu/${root}`;
}
