/** Seller (`elado`), buyer (`vevo`) and waybill (`fuvarlevel`) blocks of xmlszamla, in schema order. */
import { InputError } from '../../../shared/errors';
import { leaf, node, optionalNode, type XmlElement } from '../../../shared/xml';
import type { Buyer, SellerSettings, Waybill } from '../types/createInvoice';
import { assertOptionalBoolean, assertOptionalDate, assertOptionalInteger, assertOptionalNumber, requiredTextLeaf, textLeaf } from './common';

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
	const ledger = buyer.ledger;
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
		ledger &&
			optionalNode('vevoFokonyv', [
				leaf('konyvelesDatum', assertOptionalDate(ledger.bookingDate, 'Buyer › Ledger › Booking Date')),
				textLeaf('vevoAzonosito', ledger.buyerId, 'Buyer › Ledger › Buyer ID'),
				textLeaf('vevoFokonyviSzam', ledger.ledgerAccount, 'Buyer › Ledger › Ledger Account'),
				leaf('folyamatosTelj', assertOptionalBoolean(ledger.continuousFulfillment, 'Buyer › Ledger › Continuous Fulfillment')),
				leaf('elszDatumTol', assertOptionalDate(ledger.settlementPeriodStart, 'Buyer › Ledger › Settlement Period Start')),
				leaf('elszDatumIg', assertOptionalDate(ledger.settlementPeriodEnd, 'Buyer › Ledger › Settlement Period End')),
			]),
		textLeaf('azonosito', buyer.identifier, 'Buyer Details › Identifier'),
		textLeaf('alairoNeve', buyer.signatoryName, 'Buyer Details › Signatory Name'),
		textLeaf('telefonszam', buyer.phone, 'Buyer Details › Phone'),
		textLeaf('megjegyzes', buyer.comment, 'Buyer Details › Comment'),
	]);
}

const CARRIERS = new Set(['TOF', 'PPP', 'SPRINTER', 'FOXPOST', 'MPL', 'GLS', 'EMPTY']);

export function waybillElement(waybill: Waybill | undefined): XmlElement | undefined {
	if (!waybill) return undefined;
	if (waybill.carrier !== undefined && !CARRIERS.has(waybill.carrier)) {
		throw new InputError('Waybill › Carrier', `unknown carrier "${waybill.carrier}"; use one of ${[...CARRIERS].join(', ')}`);
	}
	const { tof, ppp, sprinter, mpl } = waybill;
	return optionalNode('fuvarlevel', [
		textLeaf('futarSzolgalat', waybill.carrier, 'Waybill › Carrier'),
		textLeaf('vonalkod', waybill.barcode, 'Waybill › Barcode'),
		textLeaf('megjegyzes', waybill.comment, 'Waybill › Comment'),
		tof &&
			node('tof', [
				textLeaf('azonosito', tof.identifier, 'Waybill › TOF › Identifier'),
				textLeaf('shipmentID', tof.shipmentId, 'Waybill › TOF › Shipment ID'),
				leaf('csomagszam', assertOptionalInteger(tof.packageCount, 'Waybill › TOF › Package Count', 1)),
				textLeaf('countryCode', tof.countryCode, 'Waybill › TOF › Country Code'),
				textLeaf('zip', tof.zip, 'Waybill › TOF › Postal Code'),
				textLeaf('service', tof.service, 'Waybill › TOF › Service'),
			]),
		ppp && node('ppp', [textLeaf('vonalkodPrefix', ppp.barcodePrefix, 'Waybill › PPP › Barcode Prefix'), textLeaf('vonalkodPostfix', ppp.barcodePostfix, 'Waybill › PPP › Barcode Postfix')]),
		sprinter &&
			node('sprinter', [
				textLeaf('azonosito', sprinter.identifier, 'Waybill › Sprinter › Identifier'),
				textLeaf('feladokod', sprinter.senderCode, 'Waybill › Sprinter › Sender Code'),
				textLeaf('iranykod', sprinter.directionCode, 'Waybill › Sprinter › Direction Code'),
				leaf('csomagszam', assertOptionalInteger(sprinter.packageCount, 'Waybill › Sprinter › Package Count', 1)),
				textLeaf('vonalkodPostfix', sprinter.barcodePostfix, 'Waybill › Sprinter › Barcode Postfix'),
				textLeaf('szallitasiIdo', sprinter.deliveryTime, 'Waybill › Sprinter › Delivery Time'),
			]),
		mpl &&
			node('mpl', [
				requiredTextLeaf('vevokod', mpl.customerCode, 'Waybill › MPL › Customer Code'),
				requiredTextLeaf('vonalkod', mpl.barcode, 'Waybill › MPL › Barcode'),
				requiredTextLeaf('tomeg', mpl.weight, 'Waybill › MPL › Weight'),
				textLeaf('kulonszolgaltatasok', mpl.specialServices, 'Waybill › MPL › Special Services'),
				leaf('erteknyilvanitas', assertOptionalNumber(mpl.declaredValue, 'Waybill › MPL › Declared Value')),
			]),
	]);
}
