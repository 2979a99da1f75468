'use strict';
// The outside world of the trigger examples, on loopback: the webshop ("mark order paid"), the TMS ("was it
// delivered?"), the dispatcher's chat hook and an event recorder. The workflows' https://*.example.com URLs are
// rewritten to this server before import, so nothing leaves the machine and every call is counted.
const http = require('node:http');

const EXAMPLE_HOSTS = ['https://shop.example.com', 'https://tms.example.com', 'https://chat.example.com', 'https://recorder.example.com'];

class Recorder {
	constructor() {
		/** @type {Array<{method: string, path: string, body: any, at: number}>} */
		this.requests = [];
		/** TMS answers by order number: {delivered, deliveredAt} */
		this.deliveries = {};
	}

	async start() {
		this.server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let body = text;
				try {
					body = text ? JSON.parse(text) : undefined;
				} catch {
					/* not JSON: keep the text */
				}
				const path = decodeURI((req.url || '/').split('?')[0]);
				this.requests.push({ method: req.method, path, body, at: Date.now() });
				const delivery = /^\/api\/deliveries\/(.+)$/.exec(path);
				const answer = delivery ? { orderNumber: delivery[1], ...(this.deliveries[delivery[1]] || { delivered: false }) } : { ok: true };
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
			});
		});
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	/** The workflow JSON with every example host replaced by this server. */
	rewrite(workflow) {
		let text = JSON.stringify(workflow);
		for (const host of EXAMPLE_HOSTS) text = text.split(host).join(this.url);
		return JSON.parse(text);
	}

	matching(method, pattern) {
		return this.requests.filter((r) => r.method === method && pattern.test(r.path));
	}

	close() {
		if (!this.server) return Promise.resolve();
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}
}

module.exports = { Recorder, EXAMPLE_HOSTS };
