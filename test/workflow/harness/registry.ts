/**
 * Node and credential types known to the harness, kept per test file (jest gives every test file its own
 * module registry, so registrations never leak between files).
 *
 * Types are registered as live class instances, so tests run straight from the TypeScript sources under ts-jest
 * and never depend on a build in dist/.
 */
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type { ICredentialType, IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

const nodeTypes = new Map<string, INodeType | IVersionedNodeType>();
const credentialTypes = new Map<string, ICredentialType>();

/**
 * Register node types under their full type names (e.g. 'n8n-nodes-szamlazz-ekaer.szamlaAgent') and credential
 * types under their own `name`s. Later calls add to (or replace) earlier ones.
 */
export function registerNodeTypes(
	types: Record<string, INodeType | IVersionedNodeType>,
	credentials: Record<string, ICredentialType> = {},
): void {
	for (const [name, type] of Object.entries(types)) nodeTypes.set(name, type);
	for (const [name, type] of Object.entries(credentials)) {
		// The engine looks credentials up by the `name` a node's description refers to; a mismatched key would
		// only surface later as a confusing "unknown credential type".
		if (type.name !== name) {
			throw new UnexpectedError(`Credential type registered as "${name}" but its name is "${type.name}"`);
		}
		credentialTypes.set(name, type);
	}
}

export function getCredentialType(name: string): ICredentialType | undefined {
	return credentialTypes.get(name);
}

function getNodeType(name: string): INodeType | IVersionedNodeType {
	const type = nodeTypes.get(name);
	if (!type) {
		const known = [...nodeTypes.keys()].join(', ') || 'none';
		throw new UnexpectedError(`Unknown node type "${name}" (registered: ${known}); call registerNodeTypes first`);
	}
	return type;
}

/** The newest version a node type declares: what n8n puts on a freshly added node. */
export function latestVersion(name: string): number {
	const type = getNodeType(name);
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** The same lookup n8n's own NodeTypes does, over the registered classes. */
export const harnessNodeTypes: INodeTypes = {
	getByName: (name) => getNodeType(name),
	getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(getNodeType(name), version),
	getKnownTypes: () => Object.fromEntries([...nodeTypes.keys()].map((name) => [name, {}])) as IDataObject,
};
