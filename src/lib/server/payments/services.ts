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
export interface PaymentServices {
	db: Kysely<Database>;
	billers: BillerDirectory;
	cardGateway: PaymentGateway;
	aadhaarGateway: AadhaarPaymentGateway;
	sms: SmsSender;
	/** The hub's clock: "midnight" and every timestamp come from here. */
	now: () => Date;
}

/** Every outside party played by its reference implementation, on the hub's own database. */
export function referencePaymentServices(db: Kysely<Database>, now: () => Date = () => new Date()): PaymentServices {
	return {
		db,
		billers: withPrintFees(referenceBillerDirectory(db, now), db, now),
		cardGateway: new ReferenceCardGateway(db, now),
		aadhaarGateway: referenceAadhaarGateway,
		sms: outboxSmsSender,
		now
	};
}

const servicesByDatabase = new WeakMap<Kysely<Database>, PaymentServices>();

/** The hub's payment services, on the hub's database. */
export async function getPaymentServices(): Promise<PaymentServices> {
	const db = await getDatabase();
	let services = servicesByDatabase.get(db);
	if (services === undefined) {
		services = referencePaymentServices(db);
		servicesByDatabase.set(db, services);
	}
	return services;
}
