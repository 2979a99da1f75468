/** Invoice › Create, Additional Fields › Attachments: binary fields of the input item sent along as e-mail attachments. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { InputError } from '../../../../shared/errors';
import type { FilePart } from '../../../../shared/multipart';

/** The service takes attachfile1 … attachfile5. */
const MAX_ATTACHMENTS = 5;
const FIELD = 'Additional Fields › Attachments';

export async function readAttachments(ctx: IExecuteFunctions, i: number, names: string[]): Promise<FilePart[]> {
	if (names.length > MAX_ATTACHMENTS) {
		throw new InputError(FIELD, `at most ${MAX_ATTACHMENTS} attachments are allowed, got ${names.length}`);
	}
	const parts: FilePart[] = [];
	for (const [n, name] of names.entries()) {
		const binary = ctx.getInputData()[i]?.binary?.[name];
		if (!binary) throw new InputError(FIELD, `the input item has no binary field "${name}"`);
		const content = await ctx.helpers.getBinaryDataBuffer(i, name);
		parts.push({
			field: `attachfile${n + 1}`,
			fileName: binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
			contentType: binary.mimeType || 'application/octet-stream',
			content,
		});
	}
	return parts;
}
