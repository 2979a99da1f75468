/**
 * n8n-core's SSHClientsManager is created (through DI) the first time a node's execute context is built, and
 * starts a 60 s cleanup `setInterval` that keeps the process alive: jest reports "did not exit", a ts-node
 * script hangs. We create it up front and unref that timer. The class is not on n8n-core's public index, hence
 * the deep import (checked against n8n-core 2.11.1; if the path moves, this fails loudly at import).
 */
import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

let done = false;

export function unrefEngineTimers(): void {
	if (done) return;
	done = true;
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	manager.cleanupTimer?.unref();
}
