/** Typed example cards for the EKÁER protocol tests (all values made up). */
import type { Location, RequestUser, TradeCard, TradeCardItem, TradeType } from '../../../../nodes/Ekaer/protocol/types';
import { passwordHash } from '../../../../nodes/Ekaer/signature';

export const SECRET_PASSWORD = 'Titkos-Jelszo-42';
export const SECRET_SIGNING_KEY = 'AlairoKulcs77x';

export const USER: RequestUser = {
	user: 'tesztuser1',
	passwordHash: passwordHash(SECRET_PASSWORD),
	vatNumber: '12345678',
	signingKey: SECRET_SIGNING_KEY,
};

export const HU_LOCATION: Location = {
	name: 'Raktár Kft',
	vatNumber: '12345678',
	phone: '+36 20 123 4567',
	email: 'raktar@example.hu',
	country: 'HU',
	postalCode: '1111',
	city: 'Budapest',
	street: 'Fő',
	streetType: 'utca',
	streetNumber: '1',
	gps: { latitude: 47.4979, longitude: 19.0402 },
};

export const FOREIGN_LOCATION: Location = {
	name: 'Lager GmbH',
	vatNumber: 'DE123456789',
	country: 'DE',
	postalCode: '80331',
	city: 'München',
	street: 'Hauptstraße',
	streetNumber: '5',
};

export function item(overrides: Partial<TradeCardItem> = {}): TradeCardItem {
	return {
		externalId: 'row-1',
		tradeReason: 'sale',
		productCode: '02011000',
		productName: 'Marhahús',
		weightKg: 1200.5,
		valueHuf: 2_500_000,
		...overrides,
	};
}

/** A card with every optional field set, valid for the given trade type. */
export function fullCard(tradeType: TradeType): TradeCard {
	const sellerHu = tradeType !== 'import';
	const destinationHu = tradeType !== 'export';
	return {
		orderNumber: 'ORD-2025/1',
		tradeType,
		sellerDelivery: true,
		modifiableByCarrier: false,
		carrierText: 'Fuvar Kft',
		intermodal: false,
		destinationCompanyIdentical: true,
		seller: sellerHu
			? { name: 'Eladó Kft', vatNumber: '12345678-2-42', country: 'HU', address: '1111 Budapest, Fő utca 1' }
			: { name: 'Verkäufer GmbH', vatNumber: 'DE123456789', country: 'DE', address: '80331 München, Hauptstraße 5' },
		destination: destinationHu
			? { name: 'Vevő Kft', vatNumber: 'HU87654321', country: 'HU', address: '4024 Debrecen, Piac utca 2' }
			: { name: 'Käufer GmbH', vatNumber: 'DE987654321', country: 'DE', address: '10115 Berlin, Allee 3' },
		loadLocation: sellerHu ? HU_LOCATION : FOREIGN_LOCATION,
		saveLoadLocation: false,
		unloadLocation: destinationHu ? { ...HU_LOCATION, gps: undefined, city: 'Debrecen', postalCode: '4024' } : FOREIGN_LOCATION,
		saveUnloadLocation: true,
		plateNumberChangeReason: 'csere',
		vehicle: { plateNumber: 'abc-123', country: 'H' },
		trailer: { plateNumber: 'XYZ 987', country: 'H' },
		loadDate: new Date('2025-01-15T13:00:00.250Z'),
		tradeCardType: 'normal',
		privateDelivery: false,
		items: [
			item({
				productGroupName: 'Hús',
				adrNumber: '1203',
				transportLicense: 'ENG-1',
				factoryItemNumber: 'F-1',
				importerItemNumber: 'I-1',
				expirationDate: '2025-03-01',
				batchNumber: 'B-001',
				vatRateAssuranceExemption: true,
			}),
		],
		deliveryPlans: [
			{
				items: [item({ externalId: 'row-2', productCode: '0201 20 00', weightKg: 10.1234 })],
				loadLocation: sellerHu ? HU_LOCATION : FOREIGN_LOCATION,
				unloadLocation: destinationHu ? HU_LOCATION : FOREIGN_LOCATION,
				destinationCompanyIdentical: true,
				saveLoadLocation: false,
				saveUnloadLocation: false,
				externalId: 'dp-1',
			},
		],
	};
}
