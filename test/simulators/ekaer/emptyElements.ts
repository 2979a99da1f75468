/**
 * Leaf elements holding no value. NAV's schema check refused `<lotNumber></lotNumber>` with "lotNumber - The value ''
 * of element 'lotNumber' is not valid." (2015 test-system log, ekaer.md §4.2). This simulator refuses every empty
 * simple-typed element that way, also where the XSD facets alone would let an empty string through: a client should
 * leave an unset field out, never send it empty.
 */
import { ruleFor } from './xml/valueRules';
import type { XmlElement } from './xml/tree';

export function emptyElementErrors(root: XmlElement): string[] {
	const errors: string[] = [];
	const visit = (el: XmlElement, parent: string) => {
		if (el.children.length > 0) {
			for (const c of el.children) visit(c, el.local);
			return;
		}
		const rule = ruleFor(parent, el.local);
		if (!rule) return; // an empty container such as <items/> is the schema's business
		const value = rule.kind === 'string' ? el.text : el.text.trim();
		if (value === '') errors.push(`${el.local} - The value '' of element '${el.local}' is not valid.`);
	};
	visit(root, '');
	return errors;
}
