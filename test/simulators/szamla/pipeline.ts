/**
 * One Számla Agent request from parsed multipart to answer: XML read (57), namespace/root check (57), XSD (57),
 * authentication and session (3, 164), then the operation. Faults that need the socket live in server.ts.
 */
import { createHash } from 'crypto';
import { namespaceOf, type ActionInfo } from './actions';
import { AgentError, errorAnswer, MESSAGES, type Answer } from './answers';
import { todayIso, type OpContext, type SimConfig } from './config';
import type { AgentForm } from './multipart';
import type { SessionStore } from './sessions';
import type { DocumentStore } from './store';
import type { SzamlaAccount, SzamlaStats } from './types';
import { child, parseXml, value, XmlReadError, type XmlNode } from './xml';
import type { XsdGate } from './xsd-gate';
import { createInvoice } from './ops/invoice-create';
import { reverseInvoice } from './ops/invoice-storno';
import { registerPayment } from './ops/invoice-payment';
import { queryData, queryPdf } from './ops/invoice-query';
import { deleteProforma } from './ops/proforma-delete';
import { createReceipt, getReceipt, reverseReceipt, sendReceipt } from './ops/receipts';
import { queryTaxpayer } from './ops/taxpayer';

const HANDLERS: Record<string, (ctx: OpContext) => Answer> = {
	xmlszamla: createInvoice,
	xmlszamlast: reverseInvoice,
	xmlszamlakifiz: registerPayment,
	xmlszamlapdf: queryPdf,
	xmlszamlaxml: queryData,
	xmlszamladbkdel: deleteProforma,
	xmlnyugtacreate: createReceipt,
	xmlnyugtast: reverseReceipt,
	xmlnyugtaget: getReceipt,
	xmlnyugtasend: sendReceipt,
	xmltaxpayer: queryTaxpayer,
};

/** Credentials sit in beallitasok, except for the two query roots that carry them directly (§2.4, §2.5). */
const CREDENTIALS_AT_ROOT = new Set(['xmlszamlapdf', 'xmlszamlaxml']);

export interface PipelineDeps {
	config: SimConfig;
	store: DocumentStore;
	sessions: SessionStore;
	gate: XsdGate;
	stats: SzamlaStats;
}

export interface PipelineResult {
	answer: Answer;
	/** New session id to send in Set-Cookie. */
	newSession?: string;
}

interface Credentials {
	agentKey?: string;
	username?: string;
	password?: string;
}

function credentialsOf(tree: XmlNode, root: string): Credentials {
	const holder = CREDENTIALS_AT_ROOT.has(root) ? tree : child(tree, 'beallitasok');
	return { agentKey: value(holder, 'szamlaagentkulcs'), username: value(holder, 'felhasznalo'), password: value(holder, 'jelszo') };
}

function hasCredentials(c: Credentials): boolean {
	return !!(c.agentKey || c.username);
}

/** Account index for these credentials, or the vendor's login error. Never echoes the secret. */
function authenticate(accounts: SzamlaAccount[], c: Credentials): number {
	if (c.agentKey) {
		const idx = accounts.findIndex((a) => a.agentKey !== undefined && a.agentKey === c.agentKey);
		if (idx < 0) throw new AgentError(3, MESSAGES.loginKey);
		return idx;
	}
	if (c.username) {
		const sameUser = accounts.map((a, i) => [a, i] as const).filter(([a]) => a.username === c.username && a.password === c.password);
		if (sameUser.length > 1) throw new AgentError(164, MESSAGES.multipleAccounts);
		if (sameUser.length === 0) throw new AgentError(3, MESSAGES.login);
		return sameUser[0][1];
	}
	throw new AgentError(3, MESSAGES.loginMissing);
}

/** valaszVerzio picked from the raw text, so even an unreadable request gets its error in the form it asked for. */
function guessVersion(xml: string | undefined): number {
	return xml && /<(?:[\w.-]+:)?valaszVerzio>\s*2\s*</.test(xml) ? 2 : 1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runPipeline(
	deps: PipelineDeps,
	form: AgentForm,
	sessionId: string | undefined,
	mailFails: boolean,
): Promise<PipelineResult> {
	const action: ActionInfo | undefined = form.action;
	const xml = form.xml?.toString('utf8');
	const version = guessVersion(xml);
	let accountIndex: number | undefined;
	let newSession: string | undefined;
	try {
		if (form.error) throw form.error;
		if (!action || xml === undefined) throw new AgentError(53, MESSAGES.missingXml);
		let tree: XmlNode;
		try {
			tree = parseXml(xml);
		} catch (e) {
			if (e instanceof XmlReadError) throw new AgentError(57, `XML olvasási hiba: ${e.message}`);
			throw e;
		}
		const expectedNs = namespaceOf(action.root);
		if (tree.name !== action.root || tree.ns !== expectedNs) {
			throw new AgentError(
				57,
				`XML olvasási hiba: a(z) ${action.field} mezőben {${expectedNs}}${action.root} gyökérelem várható, érkezett: {${tree.ns}}${tree.name}`,
			);
		}
		const schemaErrors = await deps.gate.check(xml, tree, action.xsds);
		deps.stats.xsdValidations = deps.gate.validations;
		if (schemaErrors) throw new AgentError(57, `XML olvasási hiba (séma): ${schemaErrors.join(' ')}`);

		const creds = credentialsOf(tree, action.root);
		const session = deps.sessions.use(sessionId);
		if (session && (!hasCredentials(creds) || safeAuth(deps.config.accounts, creds) === session.accountIndex)) {
			accountIndex = session.accountIndex;
		} else {
			if (session) deps.stats.crossAccountCookies++;
			if (deps.config.loginCostMs > 0) await sleep(deps.config.loginCostMs);
			try {
				accountIndex = authenticate(deps.config.accounts, creds);
			} catch (e) {
				deps.stats.failedLogins++;
				throw e;
			}
			deps.stats.logins++;
			deps.stats.sessionsCreated++;
			newSession = deps.sessions.create(accountIndex);
		}

		const ctx: OpContext = {
			config: deps.config,
			store: deps.store,
			accountIndex,
			account: deps.config.accounts[accountIndex],
			tree,
			rawHash: createHash('sha256').update(form.xml!).digest('hex'),
			attachments: form.attachments,
			today: todayIso(),
			mailFails,
			stats: deps.stats,
		};
		return { answer: HANDLERS[action.root](ctx), newSession };
	} catch (e) {
		if (!(e instanceof AgentError)) throw e;
		return { answer: errorAnswer(action, e, version, accountIndex === undefined ? undefined : 201 + accountIndex), newSession };
	}
}

function safeAuth(accounts: SzamlaAccount[], c: Credentials): number | undefined {
	try {
		return authenticate(accounts, c);
	} catch {
		return undefined;
	}
}
