/**
 * Imported first by the bench entry points, before n8n-core is loaded.
 * - n8n-core creates an instance encryption key in the user folder and logs "No encryption key found" to stdout when it
 *   does; a fixed throwaway key keeps the markdown on stdout clean. Nothing is encrypted with it.
 * - The user folder (settings, binary data in filesystem mode) is a temporary one that run.ts removes at the end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_ENCRYPTION_KEY ??= 'n8n-bench-throwaway-key';

/** Set when this process made the folder (the memory child gets its folder from the parent). */
export const ownUserFolder = process.env.N8N_USER_FOLDER ? undefined : mkdtempSync(join(tmpdir(), 'n8n-bench-'));
if (ownUserFolder) process.env.N8N_USER_FOLDER = ownUserFolder;
