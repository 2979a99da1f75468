'use strict';
// Trade cards to seed the EKÁER simulator with (POST __admin/tradeCards), on the Budapest calendar the nodes and the
// simulator date cards by. Used by scenarios.js and by `npm start` (so "Finalize yesterday's EKÁER numbers" has cards
// to find on a fresh start).

/** Budapest calendar day `offsetDays` from today, as YYYY-MM-DD. */
function budapestDay(offsetDays) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + offsetDays);
	return d.toISOString().slice(0, 10);
}

/** xs:dateTime of a Budapest wall-clock time on `day`, with that day's UTC offset. */
function budapestTime(day, time) {
	const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Budapest', timeZoneName: 'longOffset' })
		.formatToParts(new Date(`${day}T12:00:00Z`))
		.find((p) => p.type === 'timeZoneName').value; // "GMT+01:00"
	return `${day}T${time}${name.replace('GMT', '') || '+00:00'}`;
}

/** A domestic trade card (seller = the e2e taxpayer 12345678) with a vehicle, as XML for seedTradeCards(). */
function seedCardXml(orderNumber, loadDate) {
	return (
		`<orderNumber>${orderNumber}</orderNumber><tradeType>D</tradeType><carrierText>Minta Fuvar Kft.</carrierText>` +
		'<sellerName>E2E Teszt Kft.</sellerName><sellerVatNumber>12345678</sellerVatNumber><sellerCountry>HU</sellerCountry>' +
		'<sellerAddress>1111 Budapest, Fő utca 1.</sellerAddress><destinationName>Vevő Kft.</destinationName>' +
		'<destinationVatNumber>87654321</destinationVatNumber><destinationCountry>HU</destinationCountry>' +
		'<destinationAddress>4024 Debrecen, Piac utca 2.</destinationAddress>' +
		`<vehicle><plateNumber>ABC123</plateNumber><country>H</country></vehicle><loadDate>${loadDate}</loadDate>` +
		'<tradeCardType>N</tradeCardType><deliveryPlans><deliveryPlan><items><tradeCardItem><itemOperation>create</itemOperation>' +
		'<tradeReason>S</tradeReason><productVtsz>02011000</productVtsz><productName>Marha</productName><weight>1200.5</weight>' +
		'<value>2500000</value></tradeCardItem></items><loadLocation><name>E2E Teszt Kft.</name><VATNumber>12345678</VATNumber>' +
		'<country>HU</country><zipCode>1111</zipCode><city>Budapest</city><street>Fő</street><streetType>utca</streetType>' +
		'<streetNumber>1</streetNumber></loadLocation><unloadLocation><name>Vevő Kft.</name><VATNumber>87654321</VATNumber>' +
		'<country>HU</country><zipCode>4024</zipCode><city>Debrecen</city><street>Piac</street><streetNumber>2</streetNumber>' +
		'</unloadLocation></deliveryPlan></deliveryPlans>'
	);
}

module.exports = { budapestDay, budapestTime, seedCardXml };
