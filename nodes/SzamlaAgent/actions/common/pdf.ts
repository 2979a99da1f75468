/** PDFs come out as n8n binary data, named after the document so a "Write Binary File" or e-mail step needs no renaming. */
import type { ShowWhen } from '../../../shared/n8n/display';
import type { IBinaryKeyData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export function pdfProperties(show: ShowWhen, toggle?: { name: string; displayName: string; default: boolean; description: string }): INodeProperties[] {
	const props: INodeProperties[] = [];
	const binaryShow: ShowWhen = { ...show };
	if (toggle) {
		const switchProperty: INodeProperties = {
			displayName: toggle.displayName,
			name: toggle.name,
			type: 'boolean',
			default: false,
			description: toggle.description,
			displayOptions: { show },
		};
		switchProperty.default = toggle.default;
		props.push(switchProperty);
		binaryShow[toggle.name] = [true];
	}
	props.push({
		displayName: 'Put PDF in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary field the PDF is written to',
		displayOptions: { show: binaryShow },
	});
	return props;
}

export async function pdfBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	pdf: Buffer | undefined,
	documentNumber: string,
): Promise<IBinaryKeyData | undefined> {
	if (!pdf) return undefined;
	const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') || 'data');
	const safeName = documentNumber.replace(/[^\w.-]+/g, '_') || 'document';
	return { [property]: await ctx.helpers.prepareBinaryData(pdf, `${safeName}.pdf`, 'application/pdf') };
}
