/** Pick lists shared by invoices and receipts. Values are what the service expects; names are for people. */
import type { INodePropertyOptions } from 'n8n-workflow';

export const paymentMethodOptions: INodePropertyOptions[] = [
	{ name: 'Bank Transfer (Átutalás)', value: 'átutalás' },
	{ name: 'Cash (Készpénz)', value: 'készpénz' },
	{ name: 'Card (Bankkártya)', value: 'bankkártya' },
	{ name: 'Cash on Delivery (Utánvét)', value: 'utánvét' },
	{ name: 'Cheque (Csekk)', value: 'csekk' },
	{ name: 'PayPal', value: 'PayPal' },
	{ name: 'Barion', value: 'barion' },
	{ name: 'OTP Simple', value: 'OTP Simple' },
	{ name: 'SZÉP Card (SZÉP Kártya)', value: 'SZÉP kártya' },
	{ name: 'Voucher (Utalvány)', value: 'utalvány' },
	{ name: 'Offset (Kompenzáció)', value: 'kompenzáció' },
	{ name: 'Other (Type Below)', value: '__other' },
];

export const currencyOptions: INodePropertyOptions[] = [
	'HUF', 'EUR', 'USD', 'GBP', 'CHF', 'CZK', 'PLN', 'RON', 'HRK', 'BGN', 'RSD', 'SEK', 'NOK', 'DKK', 'CAD', 'AUD', 'JPY', 'CNY', 'UAH', 'TRY',
].map((code) => ({ name: code, value: code }));

export const languageOptions: INodePropertyOptions[] = [
	{ name: 'Bulgarian', value: 'bg' },
	{ name: 'Croatian', value: 'hr' },
	{ name: 'Czech', value: 'cz' },
	{ name: 'Dutch', value: 'nl' },
	{ name: 'English', value: 'en' },
	{ name: 'French', value: 'fr' },
	{ name: 'German', value: 'de' },
	{ name: 'Hungarian', value: 'hu' },
	{ name: 'Italian', value: 'it' },
	{ name: 'Polish', value: 'pl' },
	{ name: 'Romanian', value: 'ro' },
	{ name: 'Russian', value: 'ru' },
	{ name: 'Slovak', value: 'sk' },
	{ name: 'Slovenian', value: 'si' },
	{ name: 'Spanish', value: 'es' },
];

export const templateOptions: INodePropertyOptions[] = [
	{ name: 'Account Default', value: '' },
	{ name: 'Modern (SzlaMost)', value: 'SzlaMost' },
	{ name: 'Environment-Friendly (SzlaAlap)', value: 'SzlaAlap' },
	{ name: 'Traditional (SzlaNoEnv)', value: 'SzlaNoEnv' },
	{ name: 'Receipt Printer 8 Cm (Szla8cm)', value: 'Szla8cm' },
	{ name: 'Retro (SzlaTomb)', value: 'SzlaTomb' },
	{ name: 'With Waybill (SzlaFuvarlevelesAlap)', value: 'SzlaFuvarlevelesAlap' },
];

export const taxpayerStatusOptions: INodePropertyOptions[] = [
	{ name: 'Not Set', value: '' },
	{ name: 'Has a Hungarian Tax Number', value: 1 },
	{ name: 'EU Business (Outside Hungary)', value: 6 },
	{ name: 'Business Outside the EU', value: 7 },
	{ name: 'Private Person / No Tax Number', value: -1 },
	{ name: 'Unknown', value: 0 },
];
