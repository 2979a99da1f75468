'use strict';
// A currently free loopback port (there is a small race until the user binds it; good enough for tests).
const net = require('node:net');

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Resolves true when nothing listens on 127.0.0.1:port (checked by binding it for a moment). */
function isPortFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

module.exports = { freePort, isPortFree };
