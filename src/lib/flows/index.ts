import { certificatesFlow } from './certificates';
import { examResultsFlow } from './exam-results';
import { janAadhaarFlow } from './jan-aadhaar';
import { landRecordsFlow } from './land-records';
import { reprintFlow } from './reprint';
import { transactionStatusFlow } from './transaction-status';
import type { Flow } from './types';

/**
 * The flows built into the kiosk, in menu order. A new government service is a flow file listed
 * here, its lookup in the contract (`LOOKUP_SCHEMAS`) and the hub (`src/lib/server/lookups`), its
 * messages and its demo data (README, "A new government service"). Bill payments are made per
 * biller from the hub's configuration (see catalogue.ts, which the screens use).
 */
export const FLOWS: readonly Flow[] = [
	certificatesFlow,
	transactionStatusFlow,
	examResultsFlow,
	landRecordsFlow,
	janAadhaarFlow,
	reprintFlow
];

const byId = new Map(FLOWS.map((flow) => [flow.id, flow]));

/** A built-in flow, by its id (the URL's service segment). */
export function flowById(id: string): Flow | undefined {
	return byId.get(id);
}
