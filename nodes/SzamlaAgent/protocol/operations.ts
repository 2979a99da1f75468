/**
 * The 11 Számla Agent operations. The service picks the operation from the multipart field name that carries the XML
 * file (szamla-agent.md §1); each request root lives in its own namespace `http://www.szamlazz.hu/<root>`.
 */

export type SzamlaOperation =
	| 'createInvoice'
	| 'reverseInvoice'
	| 'registerPayment'
	| 'getInvoicePdf'
	| 'getInvoiceData'
	| 'deleteProforma'
	| 'createReceipt'
	| 'reverseReceipt'
	| 'getReceipt'
	| 'sendReceipt'
	| 'queryTaxpayer';

export interface SzamlaOperationInfo {
	/** Multipart form field (and file name) that selects the operation. */
	readonly fieldName: string;
	/** Root element of the request XML. */
	readonly root: string;
	/** Default namespace of the request XML. */
	readonly namespace: string;
	/** Schema file name under the vendor's request XSDs (tests validate against ../shared/xsd/szamla/request/<xsd>). */
	readonly xsd: string;
}

function info(fieldName: string, root: string): SzamlaOperationInfo {
	return Object.freeze({ fieldName, root, namespace: `http://www.szamlazz.hu/${root}`, xsd: `${root}.xsd` });
}

export const SZAMLA_OPERATIONS: Readonly<Record<SzamlaOperation, SzamlaOperationInfo>> = Object.freeze({
	createInvoice: info('action-xmlagentxmlfile', 'xmlszamla'),
	reverseInvoice: info('action-szamla_agent_st', 'xmlszamlast'),
	registerPayment: info('action-szamla_agent_kifiz', 'xmlszamlakifiz'),
	getInvoicePdf: info('action-szamla_agent_pdf', 'xmlszamlapdf'),
	getInvoiceData: info('action-szamla_agent_xml', 'xmlszamlaxml'),
	deleteProforma: info('action-szamla_agent_dijbekero_torlese', 'xmlszamladbkdel'),
	createReceipt: info('action-szamla_agent_nyugta_create', 'xmlnyugtacreate'),
	reverseReceipt: info('action-szamla_agent_nyugta_storno', 'xmlnyugtast'),
	getReceipt: info('action-szamla_agent_nyugta_get', 'xmlnyugtaget'),
	sendReceipt: info('action-szamla_agent_nyugta_send', 'xmlnyugtasend'),
	queryTaxpayer: info('action-szamla_agent_taxpayer', 'xmltaxpayer'),
});

export const SZAMLA_OPERATION_IDS = Object.keys(SZAMLA_OPERATIONS) as readonly SzamlaOperation[];
