/** Request XML builders, one per Számla Agent request root. Each takes a typed request and returns the XML text. */
export { buildCreateInvoiceXml } from './createInvoice';
export { buildReverseInvoiceXml } from './reverseInvoice';
export { buildRegisterPaymentXml, MAX_INVOICE_PAYMENTS } from './registerPayment';
export { buildGetInvoicePdfXml, buildGetInvoiceDataXml } from './invoiceQueries';
export { buildDeleteProformaXml } from './deleteProforma';
export { buildCreateReceiptXml } from './createReceipt';
export { buildReverseReceiptXml, buildGetReceiptXml, buildSendReceiptXml } from './receiptQueries';
export { buildQueryTaxpayerXml } from './queryTaxpayer';
