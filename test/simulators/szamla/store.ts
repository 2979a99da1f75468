/**
 * In-memory document store: invoices (all kinds) and receipts, with the vendor's numbering and lookups.
 * Lookups by order number / external id return the newest holder, as observed on the real service (§4).
 */
import type { InvoiceDocument, ReceiptDocument, SimDocument, SimDocumentsView } from './types';

export class DocumentStore implements SimDocumentsView {
	private docs: SimDocument[] = [];
	private byNumber = new Map<string, SimDocument>();
	/** Invoices per account + order number, oldest first: keeps order-number rules O(1) in 10 000-invoice benchmarks. */
	private byOrder = new Map<string, InvoiceDocument[]>();
	/** Same for external ids (szamlaKulsoAzon is not unique; lookups want the newest holder). */
	private byExternal = new Map<string, InvoiceDocument[]>();
	private counters = new Map<string, number>();
	private nextId = 100001;
	/** Called when the paid amount of an invoice changed (the IPN hook, see ipn.ts). */
	onPaymentChange?: (doc: InvoiceDocument) => void;
	/** Receipt call ids (hivasAzonosito) already used, per account. */
	readonly usedCallIds = new Set<string>();

	reset(): void {
		this.docs = [];
		this.byNumber.clear();
		this.byOrder.clear();
		this.byExternal.clear();
		this.counters.clear();
		this.usedCallIds.clear();
		this.nextId = 100001;
	}

	newId(): number {
		return this.nextId++;
	}

	/** Next number in a sequence; `key` names the sequence (account + prefix + numbering family). */
	nextSequence(key: string): number {
		const n = (this.counters.get(key) ?? 0) + 1;
		this.counters.set(key, n);
		return n;
	}

	add(doc: SimDocument): void {
		this.docs.push(doc);
		this.byNumber.set(`${doc.accountIndex}|${doc.number}`, doc);
		if (doc.family === 'invoice') {
			if (doc.orderNumber) push(this.byOrder, `${doc.accountIndex}|${doc.orderNumber}`, doc);
			if (doc.externalId) push(this.byExternal, `${doc.accountIndex}|${doc.externalId}`, doc);
		}
	}

	latestByExternalId(accountIndex: number, externalId: string, match: (d: InvoiceDocument) => boolean): InvoiceDocument | undefined {
		const list = this.byExternal.get(`${accountIndex}|${externalId}`) ?? [];
		for (let i = list.length - 1; i >= 0; i--) if (match(list[i])) return list[i];
		return undefined;
	}

	/** Invoices (any kind) carrying this order number, oldest first. */
	invoicesByOrder(accountIndex: number, orderNumber: string): readonly InvoiceDocument[] {
		return this.byOrder.get(`${accountIndex}|${orderNumber}`) ?? [];
	}

	/** Newest invoice with this order number that matches. */
	latestByOrder(accountIndex: number, orderNumber: string, match: (d: InvoiceDocument) => boolean): InvoiceDocument | undefined {
		const list = this.invoicesByOrder(accountIndex, orderNumber);
		for (let i = list.length - 1; i >= 0; i--) if (match(list[i])) return list[i];
		return undefined;
	}

	find(accountIndex: number, number: string): SimDocument | undefined {
		return this.byNumber.get(`${accountIndex}|${number}`);
	}

	findInvoice(accountIndex: number, number: string): InvoiceDocument | undefined {
		const d = this.find(accountIndex, number);
		return d?.family === 'invoice' ? d : undefined;
	}

	findReceipt(accountIndex: number, number: string): ReceiptDocument | undefined {
		const d = this.find(accountIndex, number);
		return d?.family === 'receipt' ? d : undefined;
	}

	latestReceipt(accountIndex: number, match: (d: ReceiptDocument) => boolean): ReceiptDocument | undefined {
		for (let i = this.docs.length - 1; i >= 0; i--) {
			const d = this.docs[i];
			if (d.family === 'receipt' && d.accountIndex === accountIndex && match(d)) return d;
		}
		return undefined;
	}

	all(): readonly SimDocument[] {
		return this.docs;
	}

	invoices(): readonly InvoiceDocument[] {
		return this.docs.filter((d): d is InvoiceDocument => d.family === 'invoice');
	}

	receipts(): readonly ReceiptDocument[] {
		return this.docs.filter((d): d is ReceiptDocument => d.family === 'receipt');
	}

	/** First document with this number in any account (tests usually have one account). */
	get(number: string): SimDocument | undefined {
		return this.docs.find((d) => d.number === number);
	}
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
