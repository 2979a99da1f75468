/**
 * Imported before anything touches n8n-core's DI: InstanceSettings writes an encryption key, and binary data is
 * stored, under $N8N_USER_FOLDER (default ~/.n8n). test/setup-env.js already points it at a temp dir under jest;
 * this covers running the harness from anywhere else (ts-node scripts, benches).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
}
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
