/**
 * Invoice › Create, Additional Fields › Waybill: the courier waybill (fuvarlevél) the service prints with the invoice
 * when the template shows one ("With Waybill (SzlaFuvarlevelesAlap)"). One carrier per invoice; the fields of the
 * chosen courier appear below it. Reading only: the rules (MPL's required fields, whole package counts) are the
 * protocol's (protocol/requests/waybill.ts).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { optionalNumber, optionalText } from '../../../../shared/n8n/values';
import { waybillField } from '../../../protocol/requests/waybill';
import type { Waybill, WaybillCarrier } from '../../../protocol/types/createInvoice';

const text = (displayName: string, name: string, description: string, carrier?: WaybillCarrier): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(carrier ? { displayOptions: { show: { carrier: [carrier] } } } : {}),
});

const count = (displayName: string, name: string, carrier: WaybillCarrier): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1 },
	description: 'Number of packages: one waybill is printed per package',
	displayOptions: { show: { carrier: [carrier] } },
});

export const waybillProperty: INodeProperties = {
	displayName: 'Waybill',
	name: 'waybill',
	type: 'fixedCollection',
	placeholder: 'Add Waybill',
	default: {},
	description: 'Courier waybill printed with the invoice; choose the "With Waybill (SzlaFuvarlevelesAlap)" template to show it',
	options: [
		{
			displayName: 'Waybill',
			name: 'details',
			values: [
				{
					displayName: 'Carrier',
					name: 'carrier',
					type: 'options',
					options: [
						{ name: 'Foxpost', value: 'FOXPOST' },
						{ name: 'GLS', value: 'GLS' },
						{ name: 'MPL (Magyar Posta)', value: 'MPL' },
						{ name: 'No Carrier (Empty Waybill)', value: 'EMPTY' },
						{ name: 'PPP (Pick Pack Pont)', value: 'PPP' },
						{ name: 'Sprinter', value: 'SPRINTER' },
						{ name: 'Transoflex (TOF)', value: 'TOF' },
					],
					default: 'MPL',
				},
				text('Barcode', 'barcode', 'General barcode, used when the courier fields below do not make one'),
				text('Comment', 'comment', 'Note printed on the waybill'),
				text('TOF Identifier', 'tofIdentifier', 'The 5-digit number Transoflex gave you', 'TOF'),
				text('TOF Shipment ID', 'tofShipmentId', '', 'TOF'),
				count('TOF Package Count', 'tofPackageCount', 'TOF'),
				text('TOF Country Code', 'tofCountryCode', 'Destination country code, e.g. HU', 'TOF'),
				text('TOF Postal Code', 'tofZip', 'Destination postal code', 'TOF'),
				text('TOF Service', 'tofService', 'Transoflex service code', 'TOF'),
				text('PPP Barcode Prefix', 'pppBarcodePrefix', 'The 3-character code agreed with PPP', 'PPP'),
				text('PPP Barcode Postfix', 'pppBarcodePostfix', 'Unique per invoice, at most 7 characters', 'PPP'),
				text('Sprinter Identifier', 'sprinterIdentifier', 'The 3-character code agreed with Sprinter', 'SPRINTER'),
				text('Sprinter Sender Code', 'sprinterSenderCode', 'The 10-digit sender code from Sprinter', 'SPRINTER'),
				text('Sprinter Direction Code', 'sprinterDirectionCode', 'Sprinter\'s own routing code, e.g. 106', 'SPRINTER'),
				count('Sprinter Package Count', 'sprinterPackageCount', 'SPRINTER'),
				text('Sprinter Barcode Postfix', 'sprinterBarcodePostfix', 'Unique per invoice, 7–13 characters', 'SPRINTER'),
				text('Sprinter Delivery Time', 'sprinterDeliveryTime', 'Delivery time as printed, e.g. 1 munkanap', 'SPRINTER'),
				text('MPL Customer Code', 'mplCustomerCode', 'Your MPL customer code (required for MPL)', 'MPL'),
				text('MPL Barcode', 'mplBarcode', 'The barcode is made from this text (required for MPL)', 'MPL'),
				text('MPL Weight', 'mplWeight', 'Package weight, a decimal point allowed, e.g. 1.5 (required for MPL)', 'MPL'),
				text('MPL Special Services', 'mplSpecialServices', 'Which special-service icons to print; none when empty', 'MPL'),
				{
					displayName: 'MPL Declared Value',
					name: 'mplDeclaredValue',
					type: 'number',
					default: 0,
					description: 'Declared value printed on the waybill; 0 leaves it out',
					displayOptions: { show: { carrier: ['MPL'] } },
				},
			],
		},
	],
};

/** The waybill of Additional Fields, or undefined when none was added. Only the chosen carrier's fields are read. */
export function readWaybill(fields: IDataObject): Waybill | undefined {
	const details = (fields.waybill as IDataObject | undefined)?.details as IDataObject | undefined;
	if (!details) return undefined;
	const at = waybillField;
	const carrier = (optionalText(details.carrier) ?? 'MPL') as WaybillCarrier;
	const waybill: Waybill = { carrier, barcode: optionalText(details.barcode), comment: optionalText(details.comment) };
	const some = (block: Record<string, unknown>) => (Object.values(block).some((v) => v !== undefined) ? block : undefined);
	if (carrier === 'TOF') {
		waybill.tof = some({
			identifier: optionalText(details.tofIdentifier),
			shipmentId: optionalText(details.tofShipmentId),
			packageCount: optionalNumber(details.tofPackageCount, at('TOF Package Count')),
			countryCode: optionalText(details.tofCountryCode),
			zip: optionalText(details.tofZip),
			service: optionalText(details.tofService),
		});
	} else if (carrier === 'PPP') {
		waybill.ppp = some({ barcodePrefix: optionalText(details.pppBarcodePrefix), barcodePostfix: optionalText(details.pppBarcodePostfix) });
	} else if (carrier === 'SPRINTER') {
		waybill.sprinter = some({
			identifier: optionalText(details.sprinterIdentifier),
			senderCode: optionalText(details.sprinterSenderCode),
			directionCode: optionalText(details.sprinterDirectionCode),
			packageCount: optionalNumber(details.sprinterPackageCount, at('Sprinter Package Count')),
			barcodePostfix: optionalText(details.sprinterBarcodePostfix),
			deliveryTime: optionalText(details.sprinterDeliveryTime),
		});
	} else if (carrier === 'MPL') {
		// Always sent for MPL: its three required fields are then checked (and named) before anything is sent.
		waybill.mpl = {
			customerCode: optionalText(details.mplCustomerCode) ?? '',
			barcode: optionalText(details.mplBarcode) ?? '',
			weight: optionalText(details.mplWeight) ?? '',
			specialServices: optionalText(details.mplSpecialServices),
			declaredValue: optionalNumber(details.mplDeclaredValue, at('MPL Declared Value')) || undefined,
		};
	}
	return waybill;
}
