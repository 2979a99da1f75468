/** Stored trade cards and ids. */
import { randomBytes } from 'node:crypto';
import { allItems, type CardData } from './cardModel';
import { budapestDate } from './time';
import type { EkaerTradeCard, EkaerTradeCardItem, TradeCardStatus } from './types';

/** Decimal with up to 3 fraction digits → integer thousandths, without float drift. */
function thousandths(value: string | undefined): number {
	if (!value) return 0;
	const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(value.trim());
	if (!m) return 0;
	return Number(m[1] || '0') * 1000 + Number(((m[2] ?? '') + '000').slice(0, 3));
}

function formatThousandths(n: number): string {
	const whole = Math.floor(n / 1000);
	const frac = String(n % 1000).padStart(3, '0').replace(/0+$/, '');
	return frac ? `${whole}.${frac}` : String(whole);
}

export class TradeCardRecord implements EkaerTradeCard {
	status: TradeCardStatus = 'S';
	modDate?: string;
	modUser?: string;
	finalizationTime?: string;
	corrected = false;

	constructor(
		readonly tcn: string,
		readonly vatNumber: string,
		public card: CardData,
		readonly insDate: string,
		readonly insMs: number,
		readonly insUser: string,
		readonly tcnValidityStart: string,
		readonly tcnValidityEnd: string,
	) {}

	get fields(): Readonly<Record<string, string>> {
		return this.card.fields;
	}
	get tradeType(): string {
		return this.card.fields.tradeType ?? '';
	}
	get orderNumber(): string | undefined {
		return this.card.fields.orderNumber;
	}
	get plateNumber(): string | undefined {
		return this.card.vehicle?.plateNumber;
	}
	get trailerPlateNumber(): string | undefined {
		return this.card.vehicle2?.plateNumber;
	}
	get arrivalDate(): string | undefined {
		return this.card.fields.arrivalDate ?? this.card.fields.arrivalDateOnly;
	}
	get statusChangeModReasonText(): string | undefined {
		return this.card.fields.statusChangeModReasonText;
	}
	get deliveryPlanIds(): string[] {
		return (this.card.deliveryPlans ?? []).map((p) => p.id ?? '');
	}
	get items(): EkaerTradeCardItem[] {
		return allItems(this.card).map(({ item, plan }) => ({
			id: item.id ?? '',
			planId: plan?.id,
			itemExternalId: item.fields.itemExternalId,
			tradeReason: item.fields.tradeReason ?? '',
			productVtsz: item.fields.productVtsz ?? '',
			productName: item.fields.productName ?? '',
			weight: item.fields.weight ?? '',
			value: item.fields.value,
		}));
	}
	/** Exact decimal strings for the response. */
	get totalWeightText(): string {
		return formatThousandths(allItems(this.card).reduce((sum, { item }) => sum + thousandths(item.fields.weight), 0));
	}
	get totalValueText(): string {
		return String(allItems(this.card).reduce((sum, { item }) => sum + Number(item.fields.value ?? 0), 0));
	}
	get totalWeight(): number {
		return Number(this.totalWeightText);
	}
	get totalValue(): number {
		return Number(this.totalValueText);
	}

	/** A card that was not finalized by the end of its validity becomes inactive (I). Evaluated lazily on access. */
	refreshStatus(nowMs: number): void {
		if ((this.status === 'S' || this.status === 'P') && budapestDate(nowMs) > this.tcnValidityEnd) this.status = 'I';
	}

	toJSON(): Record<string, unknown> {
		return {
			tcn: this.tcn, vatNumber: this.vatNumber, status: this.status, tradeType: this.tradeType, orderNumber: this.orderNumber,
			plateNumber: this.plateNumber, items: this.items, deliveryPlanIds: this.deliveryPlanIds, totalWeight: this.totalWeight,
			totalValue: this.totalValue, insDate: this.insDate, insUser: this.insUser, modDate: this.modDate, modUser: this.modUser,
			tcnValidityStart: this.tcnValidityStart, tcnValidityEnd: this.tcnValidityEnd, finalizationTime: this.finalizationTime,
			arrivalDate: this.arrivalDate, corrected: this.corrected, statusChangeModReasonText: this.statusChangeModReasonText,
			fields: this.fields,
		};
	}
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class CardStore {
	readonly cards = new Map<string, TradeCardRecord>();
	private readonly ids = new Set<string>();

	reset(): void {
		this.cards.clear();
		this.ids.clear();
	}

	/** The taxpayer's card, with its status brought up to date; other taxpayers' cards are invisible. */
	find(tcn: string, vatNumber: string, nowMs: number): TradeCardRecord | undefined {
		const record = this.cards.get(tcn);
		if (!record || record.vatNumber !== vatNumber) return undefined;
		record.refreshStatus(nowMs);
		return record;
	}

	/** TCN as observed on the test system: E + yyMMdd + 8 upper-case hex characters. */
	newTcn(nowMs: number): string {
		const day = budapestDate(nowMs).replace(/-/g, '').slice(2);
		for (;;) {
			const tcn = `E${day}${randomBytes(4).toString('hex').toUpperCase()}`;
			if (!this.cards.has(tcn)) return tcn;
		}
	}

	/** 12-character server id for items and delivery plans (observed form: 0SVRYTSYA9PU). */
	newId(): string {
		for (;;) {
			const bytes = randomBytes(12);
			let id = '';
			for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
			if (!this.ids.has(id)) {
				this.ids.add(id);
				return id;
			}
		}
	}
}
