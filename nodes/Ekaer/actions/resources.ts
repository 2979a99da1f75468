/** Resource and operation pickers of the EKÁER node, and the table from operation to implementation. */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationTable } from '../../shared/n8n/router';
import type { EkaerContext } from './context';
import * as create from './tradeCard/create.operation';
import * as modify from './tradeCard/modify.operation';
import * as finalize from './tradeCard/finalize.operation';
import * as deleteCard from './tradeCard/delete.operation';
import * as correct from './tradeCard/correct.operation';
import * as get from './tradeCard/get.operation';
import * as getMany from './tradeCard/getMany.operation';


export const operations: OperationTable<EkaerContext> = {
	tradeCard: { create, modify, finalize, delete: deleteCard, correct, get, getMany },
};

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Trade Card', value: 'tradeCard' }],
		default: 'tradeCard',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tradeCard'] } },
		options: [
			{ name: 'Correct', value: 'correct', description: 'Correct a closed card once (plate, item weights and values)', action: 'Correct a trade card' },
			{ name: 'Create', value: 'create', description: 'Declare a shipment and get its EKÁER number', action: 'Create a trade card' },
			{ name: 'Delete', value: 'delete', description: 'Withdraw a planned or started card', action: 'Delete a trade card' },
			{ name: 'Finalize', value: 'finalize', description: 'Report arrival and close the card', action: 'Finalize a trade card' },
			{ name: 'Get', value: 'get', description: 'Get a card by its EKÁER number', action: 'Get a trade card' },
			{ name: 'Get Many', value: 'getMany', description: 'List cards inserted in a date range', action: 'Get many trade cards' },
			{ name: 'Modify', value: 'modify', description: 'Change a planned or started card', action: 'Modify a trade card' },
		],
		default: 'create',
	},
];

export const operationProperties: INodeProperties[] = Object.values(operations.tradeCard).flatMap((op) => op.description);
