/**
 * The output schemas the package ships (`nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json`, which n8n's
 * editor shows for mapping before a node has run) held against every output the engine tests produce: each run of one
 * of our nodes is checked here, so an output field that the schema does not describe, or describes with another type,
 * fails the test that produced it. `npm run schemas` regenerates the files from those same outputs
 * (scripts/output-schemas.js): with OUTPUT_SCHEMA_SAMPLES set to a folder, outputs are recorded there instead.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnexpectedError } from 'n8n-workflow';
import type { INode, IRunData } from 'n8n-workflow';

/** Node type → folder under nodes/ (the nodes with resources and operations; triggers have none). */
const NODE_FOLDERS: Record<string, string> = {
	'n8n-nodes-szamlazz-ekaer.szamlaAgent': 'SzamlaAgent',
	'n8n-nodes-szamlazz-ekaer.ekaer': 'Ekaer',
};
const ROOT = join(__dirname, '..', '..', '..');

export interface JsonSchema {
	type: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

export function schemaPath(folder: string, resource: string, operation: string): string {
	return join(ROOT, 'nodes', folder, '__schema__', 'v1.0.0', resource, `${operation}.json`);
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/** The shape of one output value, as n8n's schema files write it (undefined fields left out). */
export function inferSchema(value: unknown): JsonSchema {
	const type = typeOf(value);
	if (type === 'array') return (value as unknown[]).reduce<JsonSchema>((s, v) => ({ type: 'array', items: mergeSchemas(s.items, inferSchema(v)) }), { type: 'array' });
	if (type !== 'object') return { type };
	const properties: Record<string, JsonSchema> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) properties[key] = inferSchema(v);
	return { type: 'object', properties };
}

/** One schema covering both (a null fits any type); throws where the two disagree on a type. */
export function mergeSchemas(a: JsonSchema | undefined, b: JsonSchema | undefined, path = '$'): JsonSchema | undefined {
	if (!a) return b;
	if (!b) return a;
	if (a.type === 'null') return b;
	if (b.type === 'null') return a;
	if (a.type !== b.type) throw new Error(`${path}: ${a.type} in one output, ${b.type} in another`);
	if (a.type === 'array') {
		const items = mergeSchemas(a.items, b.items, `${path}[]`);
		return items ? { type: 'array', items } : { type: 'array' };
	}
	if (a.type !== 'object') return a;
	const properties = { ...a.properties };
	for (const [key, schema] of Object.entries(b.properties ?? {})) properties[key] = mergeSchemas(properties[key], schema, `${path}.${key}`)!;
	return { type: 'object', properties };
}

/** Where `value` leaves `schema`: fields it does not describe, or of another type. Nulls fit any type. */
export function mismatches(value: unknown, schema: JsonSchema, path = '$'): string[] {
	const type = typeOf(value);
	if (type === 'null' || type === 'undefined') return [];
	if (type !== schema.type) return [`${path}: ${type}, the schema says ${schema.type}`];
	if (type === 'array') {
		if (!schema.items) return (value as unknown[]).length ? [`${path}: items the schema does not describe`] : [];
		return (value as unknown[]).flatMap((v, i) => mismatches(v, schema.items!, `${path}[${i}]`));
	}
	if (type !== 'object') return [];
	return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
		const property = schema.properties?.[key];
		if (!property) return v === undefined ? [] : [`${path}.${key}: not in the schema`];
		return mismatches(v, property, `${path}.${key}`);
	});
}

/** A literal resource and operation (not an expression): what n8n asks the schema for. */
function operationOf(node: INode): { resource: string; operation: string } | undefined {
	const { resource, operation } = node.parameters as Record<string, unknown>;
	if (typeof resource !== 'string' || typeof operation !== 'string') return undefined;
	if (resource.startsWith('=') || operation.startsWith('=')) return undefined;
	return { resource, operation };
}

const loaded = new Map<string, JsonSchema | undefined>();

function shippedSchema(file: string): JsonSchema | undefined {
	if (!loaded.has(file)) loaded.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonSchema) : undefined);
	return loaded.get(file);
}

/** Check (or, with OUTPUT_SCHEMA_SAMPLES, record) every success item our nodes output in this run. */
export function checkOutputSchemas(nodes: INode[], runData: IRunData): void {
	const samplesDir = process.env.OUTPUT_SCHEMA_SAMPLES;
	for (const node of nodes) {
		const folder = NODE_FOLDERS[node.type];
		const op = folder && operationOf(node);
		if (!op) continue;
		const file = schemaPath(folder, op.resource, op.operation);
		for (const run of runData[node.name] ?? []) {
			// Output 0 only: the error output (onError: continueErrorOutput) carries `{ error }` items.
			for (const item of run.data?.main?.[0] ?? []) {
				if (!item || 'error' in item.json) continue; // error items under Continue On Fail
				if (samplesDir) {
					appendFileSync(join(samplesDir, `${process.pid}.jsonl`), `${JSON.stringify({ folder, ...op, json: item.json })}\n`);
					continue;
				}
				const schema = shippedSchema(file);
				if (!schema) continue;
				const problems = mismatches(item.json, schema);
				if (problems.length) {
					throw new UnexpectedError(
						`Output of ${folder} ${op.resource} › ${op.operation} does not match ${file.slice(ROOT.length + 1)} (run npm run schemas): ${problems.slice(0, 5).join('; ')}`,
					);
				}
			}
		}
	}
}
