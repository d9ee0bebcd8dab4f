import * as v from 'valibot';
import { billQuote, type BillQuote } from '$lib/contract';

/** Bills the hub gave this kiosk, per consumer, for cash payment while the hub is unreachable. */
const BILL_CACHE_KEY = 'emitra.billCache';
/** Enough for a busy kiosk's regulars; the oldest go first. */
const MAX_BILLS = 500;

const cachedBill = v.object({ quote: billQuote, fetchedAt: v.pipe(v.string(), v.isoTimestamp()) });
export type CachedBill = v.InferOutput<typeof cachedBill>;

const keyOf = (billerId: string, identifier: string) => `${billerId}:${identifier}`;

function readAll(storage: Pick<Storage, 'getItem'>): Record<string, CachedBill> {
	try {
		const parsed = v.safeParse(v.record(v.string(), cachedBill), JSON.parse(storage.getItem(BILL_CACHE_KEY) ?? '{}'));
		return parsed.success ? parsed.output : {};
	} catch {
		return {};
	}
}

/** Keeps the bill as the hub quoted it (the consumer's name is already masked). */
export function keepBill(storage: Storage, quote: BillQuote, fetchedAt: Date): void {
	const bills = readAll(storage);
	bills[keyOf(quote.biller.id, quote.identifier)] = { quote, fetchedAt: fetchedAt.toISOString() };
	const newestFirst = Object.entries(bills).sort(([, a], [, b]) => b.fetchedAt.localeCompare(a.fetchedAt));
	storage.setItem(BILL_CACHE_KEY, JSON.stringify(Object.fromEntries(newestFirst.slice(0, MAX_BILLS))));
}

export function findBill(storage: Pick<Storage, 'getItem'>, billerId: string, identifier: string): CachedBill | undefined {
	return readAll(storage)[keyOf(billerId, identifier)];
}

/** A bill that was paid (or queued) here is never offered for payment again from the cache. */
export function forgetBill(storage: Storage, billerId: string, identifier: string): void {
	const bills = readAll(storage);
	delete bills[keyOf(billerId, identifier)];
	storage.setItem(BILL_CACHE_KEY, JSON.stringify(bills));
}
