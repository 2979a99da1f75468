export { EkaerClient, type EkaerClientOptions, type QueryAllOptions } from './client';
export { EKAER_PRODUCTION_URL, EKAER_TEST_URL, operationUrl } from './endpoints';
