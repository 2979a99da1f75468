/**
 * Typed Számla Agent requests, in English, one file per topic. The XML builders in ../requests map these onto the
 * Hungarian wire names. This file only gathers them for importers.
 */
export type * from './common';
export type * from './createInvoice';
export type * from './invoiceRequests';
export type * from './receiptRequests';
export type * from './taxpayerRequest';
