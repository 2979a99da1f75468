/**
 * Shared pieces of the request builders: the namespaced root, the credential elements, and input checks that throw
 * InputError with the user-facing field name.
 */
import { InputError } from '../../../shared/errors';
import { buildXml, leaf, node, type XmlChild, type XmlElement, type XmlText } from '../../../shared/xml';
import type { AgentAuth, IsoDate } from '../types/common';

/** valaszVerzio: 2 = XML answers everywhere (the client parses XML, PDFs arrive base64 inside it). */
export const RESPONSE_VERSION_XML = 2;

/** A request document: its root element in its own default namespace, `http://www.szamlazz.hu/<root>`. */
export function renderRequest(root: string, children: XmlChild[]): XmlText {
	return buildXml(node(root, children, { xmlns: `http://www.szamlazz.hu/${root}` }));
}

/** Join a path prefix and a field label the way the UI shows nesting. */
export function fieldPath(prefix: string, name: string): string {
	return prefix ? `${prefix} › ${name}` : name;
}

/** A set string (not undefined, null, empty or only blanks). */
export function isSet(value: string | undefined | null): value is string {
	if (value === undefined || value === null || value === '') return false;
	return value.trim() !== '';
}

/**
 * Leaf for an optional text: blank counts as unset (n8n gives '' for untouched optional fields). `field` is the
 * user-facing name the XML writer's character check reports (nodes/shared/xml.ts).
 */
export function textLeaf(name: string, value: string | undefined | null, field: string): XmlElement | undefined {
	return isSet(value) ? { name, text: value, field } : undefined;
}

/** Leaf for a required text; an InputError naming `field` when it is blank. */
export function requiredTextLeaf(name: string, value: unknown, field: string): XmlElement {
	return { name, text: assertText(value, field), field };
}

export function assertText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, 'is required but empty');
	return value;
}

export function assertNumber(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new InputError(field, `must be a finite number, got ${describe(value)}`);
	}
	return value;
}

export function assertOptionalNumber(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	return assertNumber(value, field);
}

export function assertOptionalInteger(value: unknown, field: string, min?: number): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value)) throw new InputError(field, `must be a whole number, got ${describe(value)}`);
	if (min !== undefined && value < min) throw new InputError(field, `must be at least ${min}, got ${value}`);
	return value;
}

export function assertOptionalBoolean(value: unknown, field: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw new InputError(field, `must be true or false, got ${describe(value)}`);
	return value;
}

export function assertBoolean(value: unknown, field: string): boolean {
	if (typeof value !== 'boolean') throw new InputError(field, `must be true or false, got ${describe(value)}`);
	return value;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

const DATE_DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD with a real month and day (the service rejects the whole XML otherwise, with a less helpful message). */
export function isIsoDate(value: string): boolean {
	if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
	for (const i of DATE_DIGIT_POSITIONS) if (!isDigit(value.charCodeAt(i))) return false;
	const year = Number(value.slice(0, 4));
	const month = Number(value.slice(5, 7));
	const day = Number(value.slice(8, 10));
	if (month < 1 || month > 12 || day < 1) return false;
	if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return day <= DAYS_IN_MONTH[month - 1];
}

export function assertDate(value: unknown, field: string): IsoDate {
	if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, 'required date (YYYY-MM-DD), but empty');
	if (!isIsoDate(value)) throw new InputError(field, `must be a date in the form YYYY-MM-DD, got "${value}"`);
	return value;
}

export function assertOptionalDate(value: string | undefined | null, field: string): IsoDate | undefined {
	if (!isSet(value)) return undefined;
	return assertDate(value, field);
}

/** felhasznalo, jelszo, szamlaagentkulcs — in that order, as every request schema lists them. */
export function authChildren(auth: AgentAuth): XmlChild[] {
	if (!auth || typeof auth !== 'object') throw new InputError('Credentials', 'missing Agent key or username and password');
	if ('agentKey' in auth && isSet(auth.agentKey)) {
		return [{ name: 'szamlaagentkulcs', text: auth.agentKey, field: 'Agent Key' }];
	}
	if ('username' in auth || 'password' in auth) {
		const login = auth as { username?: string; password?: string };
		if (!isSet(login.username)) throw new InputError('Username', 'required when logging in without an Agent key');
		if (!isSet(login.password)) throw new InputError('Password', 'required when logging in with a username');
		return [
			{ name: 'felhasznalo', text: login.username, field: 'Username' },
			{ name: 'jelszo', text: login.password, field: 'Password' },
		];
	}
	throw new InputError('Agent Key', 'required (or log in with username and password)');
}

/** Exactly one non-blank value among `options`; returns its key. `labels` are the user-facing names. */
export function exactlyOne<K extends string>(
	selector: Partial<Record<K, string>> | undefined,
	labels: Record<K, string>,
): K {
	const keys = Object.keys(labels) as K[];
	let found: K | undefined;
	let count = 0;
	for (const key of keys) {
		if (selector && isSet(selector[key])) {
			count++;
			found = key;
		}
	}
	const names = keys.map((k) => labels[k]).join(', ');
	if (count === 0) throw new InputError(labels[keys[0]], `give one of: ${names}`);
	if (count > 1) {
		const given = keys.filter((k) => isSet(selector![k])).map((k) => labels[k]);
		throw new InputError(given[1], `give only one of ${names} (got ${given.join(' and ')})`);
	}
	return found!;
}

export { leaf };

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	return typeof value;
}
