/**
 * Strict loopback simulator of the Számlázz.hu Számla Agent (szamla-agent.md). Independent of the node's code:
 * it parses requests itself, so a client bug cannot be mirrored by a simulator bug.
 */
export { startServer as startSzamlaSimulator } from './server';
export { DEFAULT_AGENT_KEY } from './config';
export type {
	SzamlaAccount,
	SzamlaSimulatorOptions,
	SzamlaSimulator,
	SzamlaFault,
	FaultOptions,
	SzamlaStats,
	TaxpayerInfo,
	SimDocument,
	SimDocumentsView,
	InvoiceDocument,
	ReceiptDocument,
	InvoiceKind,
	InvoiceLine,
	ReceiptLine,
	Payment,
	Buyer,
} from './types';
