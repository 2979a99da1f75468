import { BINARY_ENCODING } from 'n8n-workflow';
import type { IBinaryData } from 'n8n-workflow';

/**
 * Binary data for an *input* item, kept inline as base64 (as n8n 1.x's memory mode and pinned data do). n8n-core's
 * `getBinaryDataBuffer` / `assertBinaryData` accept it in every storage mode, so a node sees a real binary.
 */
export function inlineBinary(bytes: Buffer | string, fileName: string, mimeType: string): IBinaryData {
	const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
	return {
		data: buffer.toString(BINARY_ENCODING),
		mimeType,
		fileName,
		fileExtension: fileName.includes('.') ? fileName.split('.').pop() : undefined,
		fileSize: `${buffer.length} B`,
		bytes: buffer.length,
	};
}
