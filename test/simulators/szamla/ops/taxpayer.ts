/**
 * xmltaxpayer: NAV QueryTaxpayerResponse, shaped like samples/szamla/taxpayer.xml. Some taxpayers come back with
 * different namespace prefixes on purpose, so a client must match namespaces rather than prefixes (§3.4).
 */
import { xmlAnswer, type Answer } from '../answers';
import type { OpContext } from '../config';
import type { TaxpayerInfo } from '../types';
import { escapeXml, text, XML_DECL } from '../xml';

const API_NS = 'http://schemas.nav.gov.hu/OSA/2.0/api';
const DATA_NS = 'http://schemas.nav.gov.hu/OSA/2.0/data';

export function queryTaxpayer(ctx: OpContext): Answer {
	const taxNumber = text(ctx.tree, 'torzsszam') ?? '';
	const info = ctx.config.taxpayers[taxNumber];
	return xmlAnswer(taxpayerXml(taxNumber, info));
}

function taxpayerXml(taxNumber: string, info: TaxpayerInfo | undefined): string {
	const prefixed = info?.prefixStyle === 'prefixed';
	// a(): element in the API namespace, d(): element in the data namespace.
	const a = (name: string, inner: string) => (prefixed ? `<ns3:${name}>${inner}</ns3:${name}>` : `<${name}>${inner}</${name}>`);
	const dPrefix = prefixed ? 'base' : 'ns2';
	const d = (name: string, value: string | undefined) => (value === undefined ? '' : `<${dPrefix}:${name}>${escapeXml(value)}</${dPrefix}:${name}>`);
	const t = (v: string) => escapeXml(v);
	const rootOpen = prefixed
		? `<ns3:QueryTaxpayerResponse xmlns:ns3="${API_NS}" xmlns:base="${DATA_NS}">`
		: `<QueryTaxpayerResponse xmlns="${API_NS}" xmlns:ns2="${DATA_NS}">`;
	const rootClose = prefixed ? '</ns3:QueryTaxpayerResponse>' : '</QueryTaxpayerResponse>';
	const now = new Date().toISOString();
	const valid = !!info && info.valid !== false;
	let data = '';
	if (info && valid) {
		const addr = info.address;
		data = a(
			'taxpayerData',
			a('taxpayerName', t(info.name)) +
				a('taxNumberDetail', d('taxpayerId', taxNumber) + d('vatCode', info.vatCode) + d('countyCode', info.countyCode)) +
				(addr
					? a(
							'taxpayerAddressList',
							a(
								'taxpayerAddressItem',
								a('taxpayerAddressType', 'HQ') +
									a(
										'taxpayerAddress',
										d('countryCode', addr.countryCode) + d('postalCode', addr.postalCode) + d('city', addr.city) +
											d('streetName', addr.streetName) + d('publicPlaceCategory', addr.publicPlaceCategory) + d('number', addr.number),
									),
							),
						)
					: ''),
		);
	}
	return (
		`${XML_DECL}\n${rootOpen}` +
		a('header', a('requestId', `SIM${Date.now().toString(36)}`) + a('timestamp', now) + a('requestVersion', '2.0')) +
		a('result', a('funcCode', 'OK')) +
		a(
			'software',
			a('softwareId', 'SZAMLAZZHU34540973') + a('softwareName', 'Számlázz.hu') + a('softwareOperation', 'ONLINE_SERVICE') +
				a('softwareMainVersion', 'v20201104') + a('softwareDevName', 'Számlázz.hu szolgáltatásfejlesztés') + a('softwareDevContact', 'info@szamlazz.hu'),
		) +
		(info ? a('infoDate', '2004-12-26T23:00:00.000Z') : '') +
		a('taxpayerValidity', String(valid)) +
		data +
		rootClose
	);
}
