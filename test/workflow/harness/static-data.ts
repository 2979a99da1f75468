import type { IDataObject } from 'n8n-workflow';

/**
 * Workflow static data is an ObservableObject (proxies plus a `__dataChanged` flag). What n8n stores in its
 * database is the JSON of it, without the flag, so that is what a test gets back and can pass to the next run.
 */
export function plainStaticData(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data, (key, value: unknown) => (key === '__dataChanged' ? undefined : value)));
}
