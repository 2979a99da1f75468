/** Synthetic EKÁER answers shaped per XSD 2.1 (a test checks they validate), used by the parser tests. */
const NS = 'http://schemas.nav.gov.hu/EKAER/1.0/ekaermanagement';

const header = `<header><requestId>REQ1</requestId><timestamp>2025-01-15T13:25:45+01:00</timestamp><requestVersion>2.1</requestVersion><headerVersion>1.0</headerVersion></header>`;

export const CARD_INFO = `<tcn>E25011500000C77</tcn><orderNumber>ORD1</orderNumber><tradeType>D</tradeType><isSellerDelivery>true</isSellerDelivery><modByCarrierEnabled>false</modByCarrierEnabled><carrierText>Fuvar Kft</carrierText>
<sellerName>S Kft</sellerName><sellerVatNumber>12345678</sellerVatNumber><sellerCountry>HU</sellerCountry><sellerAddress>1111 Budapest</sellerAddress>
<destinationName>D Kft</destinationName><destinationVatNumber>87654321</destinationVatNumber><destinationCountry>HU</destinationCountry><destinationAddress>4024 Debrecen</destinationAddress>
<unloadReporter>S</unloadReporter><vehicle><plateNumber>ABC123</plateNumber><country>H</country></vehicle><loadDate>2025-01-15T14:00:00+01:00</loadDate><arrivalDateOnly>2025-01-16</arrivalDateOnly><tradeCardType>N</tradeCardType>
<deliveryPlans><deliveryPlan id="DP1"><items><tradeCardItem id="0SVRYTSYA9PU"><itemExternalId>i1</itemExternalId><itemOperation>create</itemOperation><tradeReason>S</tradeReason><productVtsz>02011000</productVtsz><productName>Marha</productName><weight>1200.5</weight><value>2500000</value><vatRateAssuranceExemption>false</vatRateAssuranceExemption><insDate>2025-01-15T13:25:46+01:00</insDate><insUser>tesztuser1</insUser></tradeCardItem></items>
<loadLocation><name>S Kft</name><VATNumber>12345678</VATNumber><country>HU</country><zipCode>1111</zipCode><city>Budapest</city><street>Fo</street><streetNumber>1</streetNumber><gpsPosition><c:latitude xmlns:c="http://schemas.nav.gov.hu/EKAER/1.0/common">47.5</c:latitude><c:longitude xmlns:c="http://schemas.nav.gov.hu/EKAER/1.0/common">19.04</c:longitude></gpsPosition></loadLocation><externalId>dp1</externalId></deliveryPlan></deliveryPlans>
<VATNumber>12345678</VATNumber><status>S</status><totalWeight>1200.5</totalWeight><totalValue>2500000</totalValue><totalAssuranceLocked>0</totalAssuranceLocked><insDate>2025-01-15T13:25:46+01:00</insDate><tcnValidityStart>2025-01-15</tcnValidityStart><tcnValidityEnd>2025-01-30</tcnValidityEnd><insUser>tesztuser1</insUser><modDate>2025-01-15T13:25:46+01:00</modDate><allowances><allowance><allowanceValue>1500</allowanceValue><allowanceDueDate>2025-02-15</allowanceDueDate></allowance></allowances>`;

export function manageResponse(top: string, results: string, prefix = ''): string {
	const p = prefix ? `${prefix}:` : '';
	const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
	const body = `${header}<result>${top}</result><tradeCardOperationsResults>${results}</tradeCardOperationsResults>`;
	// A prefix on every element in the management namespace (GPS children keep their own common prefix).
	const prefixed = prefix ? body.replace(/<(\/?)(?!c:)([A-Za-z]+)/g, `<$1${p}$2`) : body;
	return `<?xml version="1.0" encoding="UTF-8"?><${p}manageTradeCardsResponse ${xmlns}>${prefixed}</${p}manageTradeCardsResponse>`;
}

export function operationResult(index: number, operation: string, funcCode: string, reasonCode: string, extra = '', msg?: string): string {
	return `<operationResult><result><funcCode>${funcCode}</funcCode><reasonCode>${reasonCode}</reasonCode>${msg ? `<msg>${msg}</msg>` : ''}<index>${index}</index><operation>${operation}</operation></result>${extra}</operationResult>`;
}

export function queryResponse(top: string, cards: string[]): string {
	return `<?xml version="1.0" encoding="UTF-8"?><queryTradeCardsResponse xmlns="${NS}">${header}<result>${top}</result><tradeCards>${cards
		.map((c) => `<tradeCardInfo>${c}</tradeCardInfo>`)
		.join('')}</tradeCards></queryTradeCardsResponse>`;
}

export const OK = '<funcCode>OK</funcCode><reasonCode>SUCCESS</reasonCode>';

/** The 2015 test system's answer to a request in the wrong namespace: the XML was never read (ekaer.md §4.2). */
export const TECHNICAL_FAULT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><technicalFault xmlns="http://common.types.tracon.hu/commonservice"><funcCode>ERROR</funcCode><reasonCode>OPERATION_FAILED</reasonCode><msg>unexpected element (uri:"http://schemas.nav.gov.hu/EKAER/1.6/ekaermanagement", local:"manageTradeCardsRequest")</msg><stackTrace>javax.xml.bind.UnmarshalException ...</stackTrace></technicalFault>`;

/** A technical fault that is no unmarshalling failure: it may come after processing started. */
export const PROCESSING_FAULT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><technicalFault xmlns="http://common.types.tracon.hu/commonservice"><funcCode>ERROR</funcCode><reasonCode>OPERATION_FAILED</reasonCode><msg>javax.ejb.EJBTransactionRolledbackException: Transaction rolled back</msg><stackTrace>javax.ejb.EJBTransactionRolledbackException ...</stackTrace></technicalFault>`;
