import type { FleetRefusal } from './fleet';
import type { DepartmentRefusal } from './government';
import type { LookupRefusal } from './lookups';
import type { KioskAuthRefusal } from './machines';
import type { OperatorRefusal } from './operators';
import type { PaymentRefusal } from './payments';

/** The machine-readable reasons the hub refuses a request; the kiosk words them for citizens. */
export type ApiErrorCode =
	| 'malformed_json'
	| 'invalid_request'
	| 'invalid_fields'
	| 'payload_too_large'
	| 'unsupported_media_type'
	| 'unknown_route'
	| 'method_not_allowed'
	| 'cross_site_request'
	| 'unknown_service'
	| 'rate_limited'
	| LookupRefusal
	| PaymentRefusal
	| KioskAuthRefusal
	| OperatorRefusal
	| FleetRefusal
	| DepartmentRefusal;

export interface ApiErrorBody {
	error: { code: ApiErrorCode; message: string; fields?: Record<string, string> };
}
