/**
 * One payment notification, end to end: read the form, drop junk and repeats, confirm with the Számla Agent, emit.
 * Every post that is handled gets HTTP 200, so Számlázz.hu stops sending it; only a verification that could not be
 * done (service down, timeout, credential refused) gets 503, so the service sends it again in 3 minutes.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { redact } from '../shared/redact';
import { invoiceSource } from './confirmInvoice';
import { confirmNotification, unverifiedEvent, type PaymentEvent } from './ipn/confirm';
import { readForm } from './ipn/form';
import { readNotification, type PaymentNotification } from './ipn/notification';
import { repeatKey, repeatMemoryFor, type PersistedRepeats } from './ipn/repeats';

const OK: IWebhookResponseData = { webhookResponse: 'OK' };
const DEFAULT_TIMEOUT_SECONDS = 20;

function persistedRepeats(ctx: IWebhookFunctions): PersistedRepeats {
	const data = ctx.getWorkflowStaticData('node') as { ipnRepeats?: PersistedRepeats };
	if (!data.ipnRepeats || typeof data.ipnRepeats !== 'object') data.ipnRepeats = {};
	return data.ipnRepeats;
}

function label(ctx: IWebhookFunctions): string {
	return `Számla Agent Trigger "${ctx.getNode().name}" (workflow ${ctx.getWorkflow().id ?? '?'})`;
}

/** Answer now, without starting the workflow, and tell the service to send the notification again later. */
function retryLater(ctx: IWebhookFunctions): IWebhookResponseData {
	ctx.getResponseObject().status(503).send('Payment notification not verified yet; send it again later.');
	return { noWebhookResponse: true };
}

function item(event: PaymentEvent, notification: PaymentNotification, invoice: IDataObject | null): IDataObject {
	return { ...event, invoice, notification: { ...notification }, receivedAt: new Date().toISOString() };
}

/**
 * Never throws: n8n would answer a throwing webhook with HTTP 500 and start a failed execution. Anything unexpected
 * (e.g. the credential cannot be read) is logged and answered 503, so the notification comes again.
 */
export async function receiveNotification(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await handle(ctx);
	} catch (error) {
		ctx.logger.error(`${label(ctx)}: could not handle a payment notification (answered 503, Számlázz.hu sends it again): ${redact(error instanceof Error ? error.message : String(error), [])}`);
		if (ctx.getResponseObject().headersSent) return { noWebhookResponse: true };
		return retryLater(ctx);
	}
}

async function handle(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject();
	const fields = readForm({
		contentType: request.headers['content-type'],
		body: ctx.getBodyData(),
		rawBody: (request as { rawBody?: Buffer }).rawBody,
	});
	const reading = readNotification(fields);
	if (!reading.ok) {
		ctx.logger.info(`${label(ctx)}: ignored a post that is not a payment notification: ${reading.reason}`);
		return OK;
	}
	const notification = reading.notification;
	const memory = repeatMemoryFor(`${ctx.getMode()}:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`);
	const persisted = persistedRepeats(ctx);
	const postedKey = notification.paidAmount === undefined ? undefined : repeatKey(notification.invoiceNumber, notification.paidAmount);
	if (postedKey && !memory.claim(postedKey, persisted)) {
		ctx.logger.info(`${label(ctx)}: invoice ${notification.invoiceNumber}, paid ${notification.paidAmount}: a repeat of a notification already handled; not emitted again`);
		return OK;
	}
	try {
		let event: PaymentEvent;
		let invoice: IDataObject | null = null;
		if (ctx.getNodeParameter('verifyWithAgent', true) === false) {
			event = unverifiedEvent(notification);
		} else {
			const options = ctx.getNodeParameter('options', {}) as IDataObject;
			const timeoutMs = Number(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
			const source = await invoiceSource(ctx, timeoutMs);
			const lookup = await source.lookup(notification.invoiceNumber);
			if ('failed' in lookup) {
				const error = lookup.failed;
				const message = redact(error instanceof Error ? error.message : String(error), source.secrets);
				ctx.logger.error(`${label(ctx)}: could not verify invoice ${notification.invoiceNumber} with the Számla Agent (answered 503, Számlázz.hu sends it again): ${message}`);
				return retryLater(ctx);
			}
			if (!lookup.found) {
				ctx.logger.warn(`${label(ctx)}: not emitted: the Számla Agent knows no invoice "${notification.invoiceNumber}" in this account (a forged post, or a notification for another account)`);
				return OK;
			}
			const confirmation = confirmNotification(notification, lookup.invoice);
			if (!confirmation.ok) {
				ctx.logger.warn(`${label(ctx)}: not emitted: ${confirmation.reason}`);
				return OK;
			}
			event = confirmation.event;
			const { pdf: _pdf, ...data } = lookup.invoice;
			invoice = data as unknown as IDataObject;
		}
		const key = repeatKey(event.invoiceNumber, event.paidAmount);
		if (key !== postedKey && memory.has(key, persisted)) {
			ctx.logger.info(`${label(ctx)}: invoice ${event.invoiceNumber}, paid ${event.paidAmount}: already emitted; not emitted again`);
			return OK;
		}
		memory.remember(postedKey ? [key, postedKey] : [key], persisted);
		return { workflowData: [[{ json: item(event, notification, invoice) }]] };
	} finally {
		if (postedKey) memory.release(postedKey);
	}
}
