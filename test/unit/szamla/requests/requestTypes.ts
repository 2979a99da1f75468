/** The typed requests as the builder tests write them: with the login (`auth`) the client would add. */
import type * as Invoice from '../../../../nodes/SzamlaAgent/protocol/types/createInvoice';
import type * as InvoiceRequests from '../../../../nodes/SzamlaAgent/protocol/types/invoiceRequests';
import type * as Receipts from '../../../../nodes/SzamlaAgent/protocol/types/receiptRequests';
import type { WithAuth } from './builders';

export type { AgentAuth, InvoiceKind } from '../../../../nodes/SzamlaAgent/protocol/types/common';
export type { InvoiceLine } from '../../../../nodes/SzamlaAgent/protocol/types/createInvoice';
export type { InvoiceSelector } from '../../../../nodes/SzamlaAgent/protocol/types/invoiceRequests';
export type CreateInvoiceRequest = WithAuth<Invoice.CreateInvoiceRequest>;
export type CreateReceiptRequest = WithAuth<Receipts.CreateReceiptRequest>;
export type RegisterPaymentRequest = WithAuth<InvoiceRequests.RegisterPaymentRequest>;
export type ReverseInvoiceRequest = WithAuth<InvoiceRequests.ReverseInvoiceRequest>;
