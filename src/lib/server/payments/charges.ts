import type { CardKind, PaymentMode } from '$lib/contract';

/** A rate that applies to payments up to an amount (null: any amount), in basis points (1/100 %). */
export interface ChargeTier {
	upToPaise: number | null;
	rateBasisPoints: number;
}

export interface ChargeSchedule {
	/** A fixed fee per payment, before tax. */
	fixedPaise: number;
	/** The first tier whose limit covers the amount applies to the whole amount. */
	tiers: readonly ChargeTier[];
}

/**
 * What a citizen pays on top of the bill, by mode: card charges (MDR) as the e-Mitra Plus
 * manual shows them, plus GST on the charge. Rates are settings, not rules: change them here.
 */
export const PAYMENT_CHARGES = {
	/** GST on the charge. */
	taxBasisPoints: 1_800,
	cash: { fixedPaise: 0, tiers: [{ upToPaise: null, rateBasisPoints: 0 }] },
	/** Card swiped on the POS terminal: no MDR. */
	card: { fixedPaise: 0, tiers: [{ upToPaise: null, rateBasisPoints: 0 }] },
	cardOnline: {
		/** Debit card online: no MDR up to ₹2,000, MDR above. */
		debit: {
			fixedPaise: 0,
			tiers: [
				{ upToPaise: 200_000, rateBasisPoints: 0 },
				{ upToPaise: null, rateBasisPoints: 50 }
			]
		},
		credit: { fixedPaise: 0, tiers: [{ upToPaise: null, rateBasisPoints: 150 }] }
	},
	aadhaar: { fixedPaise: 0, tiers: [{ upToPaise: null, rateBasisPoints: 0 }] }
} as const satisfies {
	taxBasisPoints: number;
	cardOnline: Record<CardKind, ChargeSchedule>;
} & Record<Exclude<PaymentMode, 'cardOnline'>, ChargeSchedule>;

/** How a citizen pays: card online is charged by the kind of card. */
export type PaymentMethod = { mode: Exclude<PaymentMode, 'cardOnline'> } | { mode: 'cardOnline'; cardKind: CardKind };

export function chargeScheduleFor(method: PaymentMethod): ChargeSchedule {
	return method.mode === 'cardOnline' ? PAYMENT_CHARGES.cardOnline[method.cardKind] : PAYMENT_CHARGES[method.mode];
}

/** The charge on an amount, tax included, rounded to the nearest paisa at each step. */
export function chargePaise(schedule: ChargeSchedule, amountPaise: number): number {
	const tier = schedule.tiers.find((candidate) => candidate.upToPaise === null || amountPaise <= candidate.upToPaise);
	if (tier === undefined) throw new RangeError(`No charge tier covers ${amountPaise} paise`);
	const beforeTax = schedule.fixedPaise + Math.round((amountPaise * tier.rateBasisPoints) / 10_000);
	return beforeTax + Math.round((beforeTax * PAYMENT_CHARGES.taxBasisPoints) / 10_000);
}
