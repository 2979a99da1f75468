/**
 * Every text of a request must be one XML 1.0 can carry (a vertical tab from a spreadsheet cell, a NUL or a lone
 * surrogate makes the whole request ill-formed, and NAV answers with an HTTP 500). Walking the whole request instead
 * of listing fields means a text field added later is checked too.
 */
import { checkXmlText } from '../../shared/xmlText';
import { isDate } from './buildDates';
import { path } from './checks';

/** Property names of the protocol model as users read them in errors (the rules in validate*.ts use the same). */
const LABELS: Record<string, string> = {
	tcn: 'EKÁER Number',
	orderNumber: 'Order Number',
	carrier: 'Carrier',
	carrierText: 'Carrier Name',
	seller: 'Seller',
	destination: 'Destination',
	name: 'Name',
	vatNumber: 'VAT Number',
	country: 'Country',
	address: 'Address',
	loadLocation: 'Load Location',
	unloadLocation: 'Unload Location',
	phone: 'Phone',
	email: 'Email',
	postalCode: 'Postal Code',
	city: 'City',
	street: 'Street',
	streetType: 'Street Type',
	streetNumber: 'Street Number',
	lotNumber: 'Lot Number',
	plateNumberChangeReason: 'Plate Number Change Reason',
	vehicle: 'Vehicle',
	trailer: 'Trailer',
	plateNumber: 'Plate Number',
	items: 'Items',
	deliveryPlans: 'Delivery Plans',
	externalId: 'External ID',
	id: 'ID',
	productCode: 'VTSZ Code',
	productName: 'Product Name',
	productGroupName: 'Product Group Name',
	adrNumber: 'ADR Number',
	transportLicense: 'Transport License',
	factoryItemNumber: 'Factory Item Number',
	importerItemNumber: 'Importer Item Number',
	expirationDate: 'Expiration Date',
	batchNumber: 'Batch Number',
	// One reason text explains every change of an item (the node's Change Reason field).
	reasons: '',
	value: 'Change Reason',
	weight: 'Change Reason',
	status: 'Status Change Reason',
	product: 'Product Change Reason',
	sellerVatNumber: 'Seller VAT Number',
	destinationVatNumber: 'Destination VAT Number',
};

/** `productGroupName` → `Product Group Name` for a property without a label. */
function labelOf(key: string): string {
	return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

function walk(value: unknown, field: string, labels: Record<string, string>): void {
	if (typeof value === 'string') {
		checkXmlText(value, field);
		return;
	}
	if (value === null || typeof value !== 'object' || isDate(value)) return;
	if (Array.isArray(value)) {
		value.forEach((entry, n) => walk(entry, `${field}[${n + 1}]`, labels));
		return;
	}
	for (const [key, entry] of Object.entries(value)) walk(entry, path(field, labels[key] ?? labelOf(key)), labels);
}

/**
 * Throws an InputError naming the first text XML 1.0 cannot carry, e.g. field "Seller › Name": contains U+000B
 * (position 12), which the service cannot accept. `labels` overrides the names of top-level properties.
 */
export function checkTexts(value: object, labels: Record<string, string> = {}): void {
	for (const [key, entry] of Object.entries(value)) walk(entry, labels[key] ?? labelOf(key), { ...LABELS, ...labels });
}
