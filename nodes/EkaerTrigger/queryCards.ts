/**
 * The trigger's one kind of call to NAV: every card declared in a time range with filters, exactly as Trade Card ›
 * Get Many asks for them (the existing client splits the range into the windows NAV accepts and halves full pages).
 * Everything the trigger needs from the EKÁER client lives in this file.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { clientFrom, type EkaerCredentialData } from '../Ekaer/actions/context';
import type { TradeCardInfo, TradeCardQueryFilters } from '../Ekaer/protocol/types';

export interface CardSource {
	/** Cards inserted in [from, to] that match the filters. */
	cards(range: { from: Date; to: Date }, filters: TradeCardQueryFilters): Promise<TradeCardInfo[]>;
	/** Credential secrets, to scrub from errors. */
	secrets: string[];
}

export async function cardSource(ctx: IPollFunctions, timeoutMs?: number): Promise<CardSource> {
	const { client, secrets } = clientFrom((await ctx.getCredentials('ekaerApi')) as EkaerCredentialData, timeoutMs);
	return { secrets, cards: async (range, filters) => await client.queryAll(range, filters) };
}
