'use strict';
// Command line of `npm start` (scripts/start): `npm start -- --reset --port 5700 --data /some/folder`.
const os = require('node:os');
const path = require('node:path');

const DEFAULT_PORT = 5678;
const N8N_VERSION = '2.40.7';

const USAGE = `usage: npm start [-- [--reset] [--port N] [--data DIR]]
  --reset     delete the data folder first (workflows, executions, credentials) and start fresh
  --port N    editor port on 127.0.0.1 (default ${DEFAULT_PORT}); N+1 (n8n's task broker), N+2 (Számla Agent
              simulator) and N+3 (EKÁER simulator) must be free too
  --data DIR  data folder (default: $XDG_DATA_HOME/n8n-szamlazz-ekaer or ~/.local/share/n8n-szamlazz-ekaer)`;

function defaultDataDir(env = process.env) {
	const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
	return path.join(base, 'n8n-szamlazz-ekaer');
}

/**
 * @returns {{help: boolean, reset: boolean, dataDir: string, ports: {editor: number, broker: number, szamla: number, ekaer: number}}}
 * @throws {Error} with a one-line message on an unknown flag or a bad value
 */
function parseArgs(argv, env = process.env) {
	const out = { help: false, reset: false, dataDir: defaultDataDir(env), port: DEFAULT_PORT };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const v = inline !== undefined ? inline : argv[++i];
			if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === '--help' || flag === '-h') out.help = true;
		else if (flag === '--reset') out.reset = true;
		else if (flag === '--data') out.dataDir = path.resolve(value());
		else if (flag === '--port') {
			const raw = value();
			const port = Number(raw);
			if (!/^\d+$/.test(raw) || port < 1024 || port > 65532) throw new Error(`--port must be a number from 1024 to 65532, got "${raw}"`);
			out.port = port;
		} else throw new Error(`unknown option "${argv[i]}"`);
	}
	const { port, ...rest } = out;
	return { ...rest, ports: { editor: port, broker: port + 1, szamla: port + 2, ekaer: port + 3 } };
}

module.exports = { parseArgs, defaultDataDir, USAGE, DEFAULT_PORT, N8N_VERSION };
