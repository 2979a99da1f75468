/** Seller (`elado`), buyer (`vevo`) and waybill (`fuvarlevel`) blocks of xmlszamla, in schema order. */
import { InputError } from '../../../shared/errors';
import { leaf, node, optionalNode, type XmlElement } from '../../../shared/xml';
import type { Buyer, SellerSettings, Waybill } from '../types/request';
import { optionalBoolean, optionalDate, optionalInteger, optionalNumber, requireText, textLeaf } from './common';

/** Always written: the schema requires `elado`, even empty. */
export function sellerElement(seller: SellerSettings | undefined): XmlElement {
	const s = seller ?? {};
	return node('elado', [
		textLeaf('bank', s.bank),
		textLeaf('bankszamlaszam', s.bankAccount),
		textLeaf('emailReplyto', s.emailReplyTo),
		textLeaf('emailTargy', s.emailSubject),
		textLeaf('emailSzoveg', s.emailText),
		textLeaf('alairoNeve', s.signatoryName),
	]);
}

/** Documented codes; PHP marks the others (2…5, -2, -3) deprecated. */
const TAXPAYER_STATUSES = new Set([7, 6, 1, 0, -1]);

export function buyerElement(buyer: Buyer | undefined): XmlElement {
	if (!buyer || typeof buyer !== 'object') throw new InputError('Buyer', 'Buyer details are required');
	const status = optionalInteger(buyer.taxpayerStatus, 'Buyer › Taxpayer Status');
	if (status !== undefined && !TAXPAYER_STATUSES.has(status)) {
		throw new InputError(
			'Buyer › Taxpayer Status',
			`Unknown value ${status}; use 7 (non-EU business), 6 (EU business), 1 (Hungarian tax number), 0 (unknown) or -1 (no tax number)`,
		);
	}
	const ledger = buyer.ledger;
	return node('vevo', [
		{ name: 'nev', text: requireText(buyer.name, 'Buyer › Name') },
		textLeaf('orszag', buyer.country),
		{ name: 'irsz', text: requireText(buyer.postalCode, 'Buyer › Postal Code') },
		{ name: 'telepules', text: requireText(buyer.city, 'Buyer › City') },
		{ name: 'cim', text: requireText(buyer.address, 'Buyer › Address') },
		textLeaf('email', buyer.email),
		leaf('sendEmail', optionalBoolean(buyer.sendEmail, 'Buyer › Send Email')),
		leaf('adoalany', status),
		textLeaf('adoszam', buyer.taxNumber),
		// Newer (docs) schema only: sent only when set, so the older schema still validates otherwise.
		textLeaf('csoportazonosito', buyer.groupIdentifier),
		textLeaf('adoszamEU', buyer.euTaxNumber),
		textLeaf('postazasiNev', buyer.postalName),
		textLeaf('postazasiOrszag', buyer.postalCountry),
		textLeaf('postazasiIrsz', buyer.postalPostalCode),
		textLeaf('postazasiTelepules', buyer.postalCity),
		textLeaf('postazasiCim', buyer.postalAddress),
		ledger &&
			optionalNode('vevoFokonyv', [
				leaf('konyvelesDatum', optionalDate(ledger.bookingDate, 'Buyer › Ledger › Booking Date')),
				textLeaf('vevoAzonosito', ledger.buyerId),
				textLeaf('vevoFokonyviSzam', ledger.ledgerAccount),
				leaf('folyamatosTelj', optionalBoolean(ledger.continuousFulfillment, 'Buyer › Ledger › Continuous Fulfillment')),
				leaf('elszDatumTol', optionalDate(ledger.settlementPeriodStart, 'Buyer › Ledger › Settlement Period Start')),
				leaf('elszDatumIg', optionalDate(ledger.settlementPeriodEnd, 'Buyer › Ledger › Settlement Period End')),
			]),
		textLeaf('azonosito', buyer.identifier),
		textLeaf('alairoNeve', buyer.signatoryName),
		textLeaf('telefonszam', buyer.phone),
		textLeaf('megjegyzes', buyer.comment),
	]);
}

const CARRIERS = new Set(['TOF', 'PPP', 'SPRINTER', 'FOXPOST', 'MPL', 'GLS', 'EMPTY']);

export function waybillElement(waybill: Waybill | undefined): XmlElement | undefined {
	if (!waybill) return undefined;
	if (waybill.carrier !== undefined && !CARRIERS.has(waybill.carrier)) {
		throw new InputError('Waybill › Carrier', `Unknown carrier "${waybill.carrier}"; use one of ${[...CARRIERS].join(', ')}`);
	}
	const { tof, ppp, sprinter, mpl } = waybill;
	return optionalNode('fuvarlevel', [
		textLeaf('futarSzolgalat', waybill.carrier),
		textLeaf('vonalkod', waybill.barcode),
		textLeaf('megjegyzes', waybill.comment),
		tof &&
			node('tof', [
				textLeaf('azonosito', tof.identifier),
				textLeaf('shipmentID', tof.shipmentId),
				leaf('csomagszam', optionalInteger(tof.packageCount, 'Waybill › TOF › Package Count', 1)),
				textLeaf('countryCode', tof.countryCode),
				textLeaf('zip', tof.zip),
				textLeaf('service', tof.service),
			]),
		ppp && node('ppp', [textLeaf('vonalkodPrefix', ppp.barcodePrefix), textLeaf('vonalkodPostfix', ppp.barcodePostfix)]),
		sprinter &&
			node('sprinter', [
				textLeaf('azonosito', sprinter.identifier),
				textLeaf('feladokod', sprinter.senderCode),
				textLeaf('iranykod', sprinter.directionCode),
				leaf('csomagszam', optionalInteger(sprinter.packageCount, 'Waybill › Sprinter › Package Count', 1)),
				textLeaf('vonalkodPostfix', sprinter.barcodePostfix),
				textLeaf('szallitasiIdo', sprinter.deliveryTime),
			]),
		mpl &&
			node('mpl', [
				{ name: 'vevokod', text: requireText(mpl.customerCode, 'Waybill › MPL › Customer Code') },
				{ name: 'vonalkod', text: requireText(mpl.barcode, 'Waybill › MPL › Barcode') },
				{ name: 'tomeg', text: requireText(mpl.weight, 'Waybill › MPL › Weight') },
				textLeaf('kulonszolgaltatasok', mpl.specialServices),
				leaf('erteknyilvanitas', optionalNumber(mpl.declaredValue, 'Waybill › MPL › Declared Value')),
			]),
	]);
}
