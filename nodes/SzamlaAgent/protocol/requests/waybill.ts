/**
 * The waybill block of xmlszamla (`fuvarlevel`, szamla-agent.md §2.1): the carrier, a general barcode and note, and
 * the data of one of four couriers (Transoflex, PPP, Sprinter, MPL) in schema order. The service prints it with a
 * waybill template (SzlaFuvarlevelesAlap). UI: Additional Fields › Waybill of Invoice › Create.
 */
import { InputError } from '../../../shared/errors';
import { leaf, node, optionalNode, type XmlElement } from '../../../shared/xml';
import type { Waybill, WaybillCarrier } from '../types/createInvoice';
import { assertOptionalInteger, assertOptionalNumber, requiredTextLeaf, textLeaf } from './common';

export const WAYBILL_CARRIERS: readonly WaybillCarrier[] = ['TOF', 'PPP', 'SPRINTER', 'FOXPOST', 'MPL', 'GLS', 'EMPTY'];

/** The user-facing name of a waybill field, as the UI shows it. */
export function waybillField(name: string): string {
	return `Additional Fields › Waybill › ${name}`;
}

export function waybillElement(waybill: Waybill | undefined): XmlElement | undefined {
	if (!waybill) return undefined;
	if (waybill.carrier !== undefined && !WAYBILL_CARRIERS.includes(waybill.carrier)) {
		throw new InputError(waybillField('Carrier'), `unknown carrier "${waybill.carrier}"; use one of ${WAYBILL_CARRIERS.join(', ')}`);
	}
	const f = waybillField;
	const { tof, ppp, sprinter, mpl } = waybill;
	return optionalNode('fuvarlevel', [
		textLeaf('futarSzolgalat', waybill.carrier, f('Carrier')),
		textLeaf('vonalkod', waybill.barcode, f('Barcode')),
		textLeaf('megjegyzes', waybill.comment, f('Comment')),
		tof &&
			node('tof', [
				textLeaf('azonosito', tof.identifier, f('TOF Identifier')),
				textLeaf('shipmentID', tof.shipmentId, f('TOF Shipment ID')),
				leaf('csomagszam', assertOptionalInteger(tof.packageCount, f('TOF Package Count'), 1)),
				textLeaf('countryCode', tof.countryCode, f('TOF Country Code')),
				textLeaf('zip', tof.zip, f('TOF Postal Code')),
				textLeaf('service', tof.service, f('TOF Service')),
			]),
		ppp &&
			node('ppp', [
				textLeaf('vonalkodPrefix', ppp.barcodePrefix, f('PPP Barcode Prefix')),
				textLeaf('vonalkodPostfix', ppp.barcodePostfix, f('PPP Barcode Postfix')),
			]),
		sprinter &&
			node('sprinter', [
				textLeaf('azonosito', sprinter.identifier, f('Sprinter Identifier')),
				textLeaf('feladokod', sprinter.senderCode, f('Sprinter Sender Code')),
				textLeaf('iranykod', sprinter.directionCode, f('Sprinter Direction Code')),
				leaf('csomagszam', assertOptionalInteger(sprinter.packageCount, f('Sprinter Package Count'), 1)),
				textLeaf('vonalkodPostfix', sprinter.barcodePostfix, f('Sprinter Barcode Postfix')),
				textLeaf('szallitasiIdo', sprinter.deliveryTime, f('Sprinter Delivery Time')),
			]),
		mpl &&
			node('mpl', [
				requiredTextLeaf('vevokod', mpl.customerCode, f('MPL Customer Code')),
				requiredTextLeaf('vonalkod', mpl.barcode, f('MPL Barcode')),
				requiredTextLeaf('tomeg', mpl.weight, f('MPL Weight')),
				textLeaf('kulonszolgaltatasok', mpl.specialServices, f('MPL Special Services')),
				leaf('erteknyilvanitas', assertOptionalNumber(mpl.declaredValue, f('MPL Declared Value'))),
			]),
	]);
}
