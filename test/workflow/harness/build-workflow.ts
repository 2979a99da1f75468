/** Turns the harness's compact node list into what n8n's Workflow class expects. */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IConnections, INode, INodeType } from 'n8n-workflow';

import { harnessNodeTypes, latestVersion } from './registry';
import type { HarnessNode, RunOptions } from './types';

export function toINodes(
	nodes: HarnessNode[],
	credentialData: NonNullable<RunOptions['credentials']>,
): INode[] {
	return nodes.map((node, index) => {
		const typeVersion = node.typeVersion ?? latestVersion(node.type);
		const { name, type, parameters, position, credentials, ...settings } = node;
		return {
			...settings,
			id: `harness-node-${index}`,
			name,
			type,
			typeVersion,
			position: position ?? [index * 220, 0],
			parameters: structuredClone(parameters) as INode['parameters'],
			credentials: credentials ?? defaultCredentials(type, typeVersion, credentialData),
		};
	});
}

/**
 * n8n only hands a node credentials its workflow JSON references. Referencing every declared credential type
 * that the test supplies data for saves each test from repeating `{ id, name }` boilerplate.
 */
function defaultCredentials(
	type: string,
	typeVersion: number,
	credentialData: NonNullable<RunOptions['credentials']>,
): INode['credentials'] {
	const nodeType: INodeType = harnessNodeTypes.getByNameAndVersion(type, typeVersion);
	const refs = (nodeType.description.credentials ?? [])
		.filter((credential) => credential.name in credentialData)
		.map((credential) => [credential.name, { id: `harness-${credential.name}`, name: credential.name }]);
	return refs.length > 0 ? Object.fromEntries(refs) : undefined;
}

/** Default wiring: each node's main output 0 into the next node's main input 0. */
export function chainConnections(nodes: HarnessNode[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = {
			[NodeConnectionTypes.Main]: [[{ node: nodes[i + 1].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	return connections;
}
