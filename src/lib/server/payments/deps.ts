import type { Kysely } from 'kysely';
import { getDatabase } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { referenceBillerDirectory, type BillerDirectory } from '$lib/server/billers';
import { withPrintFees } from '$lib/server/departments/print-orders';
import { outboxSmsSender, type SmsSender } from '$lib/server/sms';
import type { AadhaarPaymentGateway, PaymentGateway } from './gateways';
import { referenceAadhaarGateway } from './gateways/reference-aadhaar-gateway';
import { ReferenceCardGateway } from './gateways/reference-card-gateway';

/** What the payment core works with; tests swap in their own clock, billers and gateways. */
export interface PaymentDeps {
	db: Kysely<Database>;
	billers: BillerDirectory;
	cardGateway: PaymentGateway;
	aadhaarGateway: AadhaarPaymentGateway;
	sms: SmsSender;
	/** The hub's clock: "midnight" and every timestamp come from here. */
	now: () => Date;
}

/** Every outside party played by its reference implementation, on the hub's own database. */
export function referencePaymentDeps(db: Kysely<Database>, now: () => Date = () => new Date()): PaymentDeps {
	return {
		db,
		billers: withPrintFees(referenceBillerDirectory(db, now), db, now),
		cardGateway: new ReferenceCardGateway(db, now),
		aadhaarGateway: referenceAadhaarGateway,
		sms: outboxSmsSender,
		now
	};
}

const depsByDatabase = new WeakMap<Kysely<Database>, PaymentDeps>();

/** What the hub's payment core works with, on the hub's database. */
export async function getPaymentDeps(): Promise<PaymentDeps> {
	const db = await getDatabase();
	let deps = depsByDatabase.get(db);
	if (deps === undefined) {
		deps = referencePaymentDeps(db);
		depsByDatabase.set(db, deps);
	}
	return deps;
}
