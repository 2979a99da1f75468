/**
 * What every typed Számla Agent request shares: the login, dates, document kinds and languages.
 *
 * Conventions of all request types: dates are 'YYYY-MM-DD' strings; amounts are plain numbers in the document's currency;
 * an optional field left undefined is not sent at all (the service then applies its own default or the account
 * setting). The one-line JSDoc on each field is written for end users: the node layer reuses it as the UI description.
 */

/**
 * How a request logs in: an Agent key (recommended) or a szamlazz.hu username and password. Not part of the typed
 * requests: the client adds its own credentials when it builds the XML.
 */
export type AgentAuth = { agentKey: string } | { username: string; password: string };

/** Which document the create call issues. */
export type InvoiceKind = 'invoice' | 'proforma' | 'deliveryNote' | 'prepayment' | 'final' | 'corrective';

/** Languages the service can print an invoice in (note: Czech is 'cz' and Slovenian 'si' on this service). */
export type InvoiceLanguage =
	| 'hu'
	| 'en'
	| 'de'
	| 'it'
	| 'ro'
	| 'sk'
	| 'hr'
	| 'fr'
	| 'es'
	| 'cz'
	| 'pl'
	| 'bg'
	| 'nl'
	| 'ru'
	| 'si';

/** Invoice layout templates the service documents. Other values are passed through as given. */
export type InvoiceTemplate = 'SzlaMost' | 'SzlaAlap' | 'SzlaNoEnv' | 'Szla8cm' | 'SzlaTomb' | 'SzlaFuvarlevelesAlap';

/** Date text in the form YYYY-MM-DD. */
export type IsoDate = string;
