/** Seller (`elado`) and buyer (`vevo`) blocks of xmlszamla, in schema order. */
import { InputError } from '../../../shared/errors';
import { leaf, node, type XmlElement } from '../../../shared/xml';
import type { Buyer, SellerSettings } from '../types/createInvoice';
import { assertOptionalBoolean, assertOptionalInteger, requiredTextLeaf, textLeaf } from './common';

/** Always written: the schema requires `elado`, even empty. */
export function sellerElement(seller: SellerSettings | undefined): XmlElement {
	const s = seller ?? {};
	return node('elado', [
		textLeaf('bank', s.bank, 'Additional Fields › Seller Bank'),
		textLeaf('bankszamlaszam', s.bankAccount, 'Additional Fields › Seller Bank Account'),
		textLeaf('emailReplyto', s.emailReplyTo, 'Additional Fields › E-Mail Reply-To'),
		textLeaf('emailTargy', s.emailSubject, 'Additional Fields › E-Mail Subject'),
		textLeaf('emailSzoveg', s.emailText, 'Additional Fields › E-Mail Text'),
		textLeaf('alairoNeve', s.signatoryName, 'Additional Fields › Seller Signatory Name'),
	]);
}

/** Documented codes; PHP marks the others (2…5, -2, -3) deprecated. */
const TAXPAYER_STATUSES = new Set([7, 6, 1, 0, -1]);

export function buyerElement(buyer: Buyer | undefined): XmlElement {
	if (!buyer || typeof buyer !== 'object') throw new InputError('Buyer', 'buyer details are required');
	const status = assertOptionalInteger(buyer.taxpayerStatus, 'Buyer Details › Tax Status');
	if (status !== undefined && !TAXPAYER_STATUSES.has(status)) {
		throw new InputError(
			'Buyer Details › Tax Status',
			`must be 7 (non-EU business), 6 (EU business), 1 (Hungarian tax number), 0 (unknown) or -1 (no tax number), got ${status}`,
		);
	}
	return node('vevo', [
		requiredTextLeaf('nev', buyer.name, 'Buyer Name'),
		textLeaf('orszag', buyer.country, 'Buyer Details › Country'),
		requiredTextLeaf('irsz', buyer.postalCode, 'Buyer Postal Code'),
		requiredTextLeaf('telepules', buyer.city, 'Buyer City'),
		requiredTextLeaf('cim', buyer.address, 'Buyer Address'),
		textLeaf('email', buyer.email, 'Buyer Details › E-Mail'),
		leaf('sendEmail', assertOptionalBoolean(buyer.sendEmail, 'Buyer Details › Send E-Mail')),
		leaf('adoalany', status),
		textLeaf('adoszam', buyer.taxNumber, 'Buyer Details › Tax Number'),
		// Newer (docs) schema only: sent only when set, so the older schema still validates otherwise.
		textLeaf('csoportazonosito', buyer.groupIdentifier, 'Buyer Details › Group Identifier'),
		textLeaf('adoszamEU', buyer.euTaxNumber, 'Buyer Details › EU VAT Number'),
		textLeaf('postazasiNev', buyer.postalName, 'Buyer Details › Postal Name'),
		textLeaf('postazasiOrszag', buyer.postalCountry, 'Buyer Details › Postal Country'),
		textLeaf('postazasiIrsz', buyer.postalPostalCode, 'Buyer Details › Postal Postal Code'),
		textLeaf('postazasiTelepules', buyer.postalCity, 'Buyer Details › Postal City'),
		textLeaf('postazasiCim', buyer.postalAddress, 'Buyer Details › Postal Address'),
		textLeaf('azonosito', buyer.identifier, 'Buyer Details › Identifier'),
		textLeaf('alairoNeve', buyer.signatoryName, 'Buyer Details › Signatory Name'),
		textLeaf('telefonszam', buyer.phone, 'Buyer Details › Phone'),
		textLeaf('megjegyzes', buyer.comment, 'Buyer Details › Comment'),
	]);
}
