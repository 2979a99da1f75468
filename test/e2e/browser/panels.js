'use strict';
// What the browser suite opens, derived from the package itself: the nodes and credentials listed in package.json's
// "n8n" block (the built files in dist/), every resource × operation of a node (or every event of a trigger, or its
// one panel), and the required fields n8n must show for each under the default values. A node or operation added
// to the package is tested without touching this suite.
const fs = require('node:fs');
const path = require('node:path');

/** Loads the built classes listed under package.json "n8n".<kind> ('nodes' | 'credentials'). */
function loadListed(repo, kind) {
	const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
	return (pkg.n8n[kind] || []).map((file) => {
		const exported = require(path.join(repo, file));
		const Class = Object.values(exported).find((v) => typeof v === 'function');
		if (!Class) throw new Error(`${file} exports no class`);
		const instance = new Class();
		return { file, packageName: pkg.name, value: kind === 'nodes' ? instance.description : instance };
	});
}

/**
 * Whether a property shows under `values` (n8n's displayOptions: every `show` key must match, no `hide` key may).
 * Only plain value lists are understood; anything else (`_cnd` conditions, `@version` ranges) throws, so the suite
 * is extended rather than silently skipping a field.
 */
function isVisible(property, values, typeVersion) {
	const options = property.displayOptions;
	if (!options) return true;
	const matches = (key, allowed) => {
		if (!Array.isArray(allowed) || allowed.some((a) => a !== null && typeof a === 'object')) {
			throw new Error(`property "${property.name}": displayOptions.${key} is not a plain list of values; extend test/e2e/browser/panels.js`);
		}
		const actual = key === '@version' ? typeVersion : values[key.replace(/^\//, '')];
		// A multi-select (the EKÁER Trigger's events) shows the field when any chosen value is allowed, as n8n does.
		if (Array.isArray(actual)) return actual.some((a) => allowed.includes(a));
		return allowed.includes(actual);
	};
	for (const [key, allowed] of Object.entries(options.show || {})) if (!matches(key, allowed)) return false;
	for (const [key, allowed] of Object.entries(options.hide || {})) if (matches(key, allowed)) return false;
	return true;
}

/**
 * The parameter values of a panel whose selectors are `chosen` (e.g. {resource, operation}) and everything else at its
 * default, the way n8n fills them: in property order, the first visible property of a name sets its value.
 */
function panelValues(properties, chosen, typeVersion) {
	const values = { ...chosen };
	for (const p of properties) {
		if (p.name in values) continue;
		if (isVisible(p, values, typeVersion)) values[p.name] = p.default;
	}
	return values;
}

/** Required top-level fields shown under `values` → [{name, displayName}] (notices and hidden fields excluded). */
function requiredFields(properties, values, typeVersion) {
	return properties
		.filter((p) => p.required && !['notice', 'hidden'].includes(p.type) && isVisible(p, values, typeVersion))
		.map((p) => ({ name: p.name, displayName: p.displayName }));
}

function latestVersion(description) {
	return Array.isArray(description.version) ? Math.max(...description.version) : description.version;
}

/** The visible options of the first property named `name` that shows under `values`. */
function selectorOptions(properties, name, values, typeVersion) {
	const p = properties.find((q) => q.name === name && q.type === 'options' && isVisible(q, values, typeVersion));
	return p ? p.options.map((o) => ({ value: o.value, label: o.name })) : undefined;
}

/**
 * One case per panel a user can get: resource × operation, else each event (triggers), else the node's one panel.
 * @returns {Array<{nodeType: string, nodeName: string, typeVersion: number, title: string, parameters: object,
 *   required: Array<{name: string, displayName: string}>, credentialTypes: string[], isTrigger: boolean}>}
 */
function panelCases(description, packageName) {
	const typeVersion = latestVersion(description);
	const props = description.properties;
	const base = {
		nodeType: `${packageName}.${description.name}`,
		nodeName: description.displayName,
		typeVersion,
		credentialTypes: (description.credentials || []).map((c) => c.name),
		isTrigger: (description.group || []).includes('trigger'),
	};
	const make = (chosen, labels) => {
		const values = panelValues(props, chosen, typeVersion);
		return { ...base, title: [description.displayName, ...labels].join(' › '), parameters: chosen, required: requiredFields(props, values, typeVersion) };
	};
	const resources = selectorOptions(props, 'resource', {}, typeVersion);
	if (resources) {
		return resources.flatMap((resource) => {
			const operations = selectorOptions(props, 'operation', { resource: resource.value }, typeVersion) || [];
			return operations.map((op) => make({ resource: resource.value, operation: op.value }, [resource.label, op.label]));
		});
	}
	const operations = selectorOptions(props, 'operation', {}, typeVersion);
	if (operations) return operations.map((op) => make({ operation: op.value }, [op.label]));
	const events = selectorOptions(props, 'event', {}, typeVersion);
	if (events) return events.map((ev) => make({ event: ev.value }, [ev.label]));
	return [make({}, [])];
}

/**
 * Each credential form: its required fields under the defaults, and the secret to break for the "wrong key" test
 * (the first visible password field).
 * @returns {Array<{type: string, displayName: string, required: Array<{name, displayName}>, secretField: string|undefined}>}
 */
function credentialCases(credentials) {
	return credentials.map((c) => {
		const values = panelValues(c.properties, {}, undefined);
		const secret = c.properties.find((p) => p.typeOptions && p.typeOptions.password && isVisible(p, values));
		return { type: c.name, displayName: c.displayName, required: requiredFields(c.properties, values), secretField: secret && secret.name };
	});
}

/** Every panel case of the package and every credential form. */
function packagePanels(repo) {
	const nodes = loadListed(repo, 'nodes');
	return {
		packageName: nodes[0] && nodes[0].packageName,
		nodes: nodes.map((n) => ({ description: n.value, cases: panelCases(n.value, n.packageName) })),
		credentials: credentialCases(loadListed(repo, 'credentials').map((c) => c.value)),
	};
}

module.exports = { packagePanels, panelCases, credentialCases, isVisible, panelValues, requiredFields };
