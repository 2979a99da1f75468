import type { IDisplayOptions } from 'n8n-workflow';

/** The `displayOptions.show` condition that scopes a property to one resource/operation. */
export type ShowWhen = NonNullable<IDisplayOptions['show']>;
