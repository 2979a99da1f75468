/**
 * Trigger nodes in the harness: a webhook node served on a loopback HTTP port the way n8n's webhook server runs it
 * (body parsed as n8n parses it, a fresh Workflow per request built from the saved static data, static data saved
 * after the answer), and a poll node run through n8n-core's PollContext (static data carried between polls the way
 * n8n keeps it in the active workflow). Both use n8n-core's real WebhookContext / PollContext, so parameters,
 * credentials, getWorkflowStaticData, getMode and the logger are n8n's own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { ExecutionLifecycleHooks, PollContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookData, IWebhookResponseData, IWorkflowBase, WorkflowExecuteMode } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { toINodes } from './build-workflow';
import { HarnessCredentialsHelper } from './credentials-helper';
import { harnessNodeTypes } from './registry';
import { unrefEngineTimers } from './quiet-timers';
import { plainStaticData } from './static-data';
import type { HarnessNode, RunOptions } from './types';

interface TriggerOptions {
	node: HarnessNode & { webhookId?: string };
	credentials?: RunOptions['credentials'];
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	workflowId?: string;
}

let counter = 0;

function buildWorkflow(options: TriggerOptions, staticData: IDataObject): Workflow {
	const [node] = toINodes([options.node], options.credentials ?? {});
	if (options.node.webhookId) node.webhookId = options.node.webhookId;
	return new Workflow({
		id: options.workflowId ?? 'harness-trigger',
		name: 'Harness trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: harnessNodeTypes,
		staticData: structuredClone(staticData),
		settings: { executionOrder: 'v1' },
	});
}

function additionalData(options: TriggerOptions, mode: WorkflowExecuteMode, extra: IDataObject = {}) {
	const id = `harness-trigger-${++counter}`;
	const hooks = new ExecutionLifecycleHooks(mode, id, { id: options.workflowId ?? 'harness-trigger' } as IWorkflowBase);
	return Object.assign(buildAdditionalData(hooks, new HarnessCredentialsHelper(options.credentials ?? {}), id), extra);
}

/** Text fields of a multipart body, as n8n's form parser hands them over ({data, files}). */
function multipartFields(contentType: string, raw: Buffer): IDataObject {
	const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
	const data: IDataObject = {};
	if (!boundary) return { data, files: {} };
	for (const part of raw.toString('utf8').split(`--${boundary}`)) {
		const m = /^\r\nContent-Disposition: form-data; name="([^"]+)"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/i.exec(part);
		if (m) data[m[1]] = m[2];
	}
	return { data, files: {} };
}

type HarnessRequest = IncomingMessage & { body?: unknown; rawBody?: Buffer; contentType?: string };
type HarnessResponse = ServerResponse & { status(code: number): HarnessResponse; send(body: unknown): HarnessResponse };

export interface WebhookCall {
	status: number;
	emitted?: INodeExecutionData[];
}

/**
 * Serves one webhook trigger node at `url` (POST only). `calls` lists every request with its answer and what the node
 * emitted; `emitted` all items in order; `staticData` is what n8n would have saved.
 */
export class WebhookHarness {
	readonly calls: WebhookCall[] = [];
	staticData: IDataObject;
	url = '';
	private server?: Server;

	constructor(private readonly options: TriggerOptions) {
		this.staticData = structuredClone(options.staticData ?? {});
	}

	get emitted(): INodeExecutionData[] {
		return this.calls.flatMap((c) => c.emitted ?? []);
	}

	async start(): Promise<this> {
		unrefEngineTimers();
		this.server = createServer((req, res) => void this.handle(req as HarnessRequest, res as HarnessResponse));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/${this.options.node.webhookId ?? 'no-id'}/szamlazz-ipn`;
		return this;
	}

	async close(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(req: HarnessRequest, res: HarnessResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		// What n8n's body parsing leaves on the request (webhook-helpers parseRequestBody, body-parser parseBody).
		req.contentType = contentType;
		if (contentType === 'multipart/form-data') req.body = multipartFields(String(req.headers['content-type']), raw);
		else {
			req.rawBody = raw;
			req.body = contentType === 'application/x-www-form-urlencoded' ? { ...parseQuery(raw.toString('utf8')) } : contentType === 'text/plain' ? raw.toString('utf8') : {};
		}
		res.status = (code: number) => {
			res.statusCode = code;
			return res;
		};
		res.send = (body: unknown) => {
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
			return res;
		};
		const mode = this.options.mode ?? 'webhook';
		const workflow = buildWorkflow(this.options, this.staticData);
		const node = workflow.getNode(this.options.node.name)!;
		const nodeType = harnessNodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const data = additionalData(this.options, mode, { httpRequest: req, httpResponse: res });
		const webhookData = { httpMethod: 'POST', node: node.name, path: 'x', webhookDescription: nodeType.description.webhooks![0], workflowId: workflow.id, workflowExecuteAdditionalData: data } as unknown as IWebhookData;
		const call: WebhookCall = { status: 0 };
		this.calls.push(call);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(new WebhookContext(workflow, node, data, mode, webhookData, [], null));
		} catch (error) {
			// n8n answers a throwing webhook with 500 "Workflow could not be started!".
			call.status = 500;
			res.status(500).send({ message: (error as Error).message });
			return;
		}
		if (!result.noWebhookResponse) {
			res.statusCode = 200;
			res.send(result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' }));
		}
		call.status = res.statusCode;
		call.emitted = result.workflowData?.[0];
		// n8n saves the workflow's static data after the answer (live-webhooks.js saveStaticData) when it changed.
		this.staticData = plainStaticData(workflow.staticData);
	}
}

/** One poll of a polling trigger node; pass the returned staticData to the next poll. */
export async function runPoll(options: TriggerOptions): Promise<{ items: INodeExecutionData[] | null; staticData: IDataObject }> {
	unrefEngineTimers();
	const mode = options.mode ?? 'trigger';
	const workflow = buildWorkflow(options, options.staticData ?? {});
	const node = workflow.getNode(options.node.name)!;
	const nodeType = harnessNodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const context = new PollContext(workflow, node, additionalData(options, mode), mode, 'activate');
	const result = await nodeType.poll!.call(context);
	return { items: result ? result[0] : null, staticData: plainStaticData(workflow.staticData) };
}
