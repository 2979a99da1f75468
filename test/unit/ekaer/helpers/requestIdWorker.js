// Child process for the request-id uniqueness test: loads signature.ts, waits for "go", returns its ids.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { newRequestId } = require('../../../../nodes/Ekaer/signature');

process.on('message', (message) => {
	if (message && message.go) {
		const ids = [];
		for (let i = 0; i < message.count; i++) ids.push(newRequestId());
		process.send({ ids }, () => process.exit(0));
	}
});
process.send({ ready: true });
