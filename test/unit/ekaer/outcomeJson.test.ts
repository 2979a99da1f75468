import { outcomeJson } from '../../../nodes/Ekaer/actions/tradeCard/manage';
import type { OperationOutcome } from '../../../nodes/Ekaer/protocol/types';

const outcome = (extra: Partial<OperationOutcome> = {}): OperationOutcome => ({
	index: 1,
	operation: 'finalize',
	ok: true,
	funcCode: 'OK',
	reasonCode: 'SUCCESS',
	validations: [],
	warnings: [],
	...extra,
});

describe('outcomeJson', () => {
	it('names the card from the request when the answer has no tradeCardInfo', () => {
		const json = outcomeJson(outcome(), { tcn: 'E26010100000A1B', orderNumber: 'ORD-9' });
		expect(json).toMatchObject({ tcn: 'E26010100000A1B', orderNumber: 'ORD-9', operation: 'finalize', result: 'OK' });
		expect(json.status).toBeUndefined();
	});

	it("prefers the answer's TCN, order number and status", () => {
		const tradeCard = { tcn: 'E26010100000C77', orderNumber: 'FROM-NAV', status: 'finalized' } as OperationOutcome['tradeCard'];
		const json = outcomeJson(outcome({ tradeCard }), { tcn: 'E26010100000A1B', orderNumber: 'ORD-9' });
		expect(json).toMatchObject({ tcn: 'E26010100000C77', orderNumber: 'FROM-NAV', status: 'finalized' });
	});
});
