/**
 * XSD validation policy. 'all': libxml2 on every request. 'new-shapes': libxml2 once per document shape; later
 * documents of a known-valid shape get the JavaScript facet checks (xml/valueRules.ts), falling back to libxml2 when a
 * leaf has no rule. 'off': nothing.
 */
import { validateWithXsd } from '../../helpers/xsd';
import { emptyElementErrors } from './emptyElements';
import { MANAGEMENT_XSD } from './constants';
import type { EkaerXsdValidation } from './types';
import type { XmlElement } from './xml/tree';
import { checkLeafValues } from './xml/valueRules';

/** Shared by all simulators in the process: validity depends only on the shape, and libxml2 runs are slow. */
const validShapes = new Set<string>();

export class SchemaGate {

	constructor(
		private readonly mode: EkaerXsdValidation,
		private readonly onLibxml: () => void,
	) {}

	/** Returns the schema errors; empty = valid. */
	async errors(xml: string, root: XmlElement): Promise<string[]> {
		if (this.mode === 'off') return [];
		const empty = emptyElementErrors(root);
		if (empty.length) return empty;
		if (this.mode === 'new-shapes' && validShapes.has(root.shape)) {
			const values = checkLeafValues(root);
			if (values.complete) return values.errors;
		}
		this.onLibxml();
		const result = await validateWithXsd(xml, MANAGEMENT_XSD);
		if (result.valid) {
			validShapes.add(root.shape);
			return [];
		}
		return result.errors.length ? result.errors : ['document is not valid against ekaermanagement.xsd'];
	}
}
