/**
 * n8n-core's binary helpers (`prepareBinaryData`, `getBinaryDataBuffer`, ...) all go through
 * `Container.get(BinaryDataService)`. Un-initialised, that service silently keeps bytes inline as base64, which
 * is neither n8n 2.x's default (filesystem) nor a deliberate choice. So we initialise one service per storage
 * mode, once per test file, and put the one a run asks for into the container.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService, ErrorReporter } from 'n8n-core';

export type BinaryDataMode = 'filesystem' | 'default';

const services = new Map<BinaryDataMode, Promise<BinaryDataService>>();

async function create(mode: BinaryDataMode): Promise<BinaryDataService> {
	// The config comes from env (N8N_DEFAULT_BINARY_DATA_MODE ...) with files under $N8N_USER_FOLDER/.n8n/storage.
	const config = Object.assign(Object.create(Container.get(BinaryDataConfig)) as BinaryDataConfig, { mode });
	const service = new BinaryDataService(config, Container.get(ErrorReporter), Container.get(Logger));
	await service.init();
	return service;
}

/** Make `mode` the storage that the engine's binary helpers use, and return its service. */
export async function useBinaryDataMode(mode: BinaryDataMode): Promise<BinaryDataService> {
	let service = services.get(mode);
	if (!service) {
		service = create(mode);
		services.set(mode, service);
	}
	const ready = await service;
	Container.set(BinaryDataService, ready);
	return ready;
}
