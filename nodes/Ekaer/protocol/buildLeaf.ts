/** Leaf elements of EKÁER requests. */
import { leaf, type XmlElement, type XmlScalar } from '../../shared/xml';

/**
 * A leaf for a value, or nothing for an unset or blank one. NAV's schema check refuses empty elements
 * (`<lotNumber></lotNumber>` got INVALID_REQUEST "The value '' of element 'lotNumber' is not valid", ekaer.md §4.2),
 * and an empty optional field means "not given" anyway, so no element is ever written for it.
 */
export function field(name: string, value: XmlScalar | undefined | null): XmlElement | undefined {
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return leaf(name, value);
}
