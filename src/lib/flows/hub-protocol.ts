import * as v from 'valibot';

/** What the kiosk sends to look something up for a form step; the hub checks the same schema. */
export const lookupRequest = v.object({
	step: v.pipe(v.string(), v.maxLength(64)),
	values: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(256)))
});
export type LookupRequest = v.InferOutput<typeof lookupRequest>;

/** Why a lookup found nothing, as the hub says it; flows word each for the citizen. */
export const LOOKUP_REFUSALS = ['not_found'] as const;
export type LookupRefusal = (typeof LOOKUP_REFUSALS)[number];

export const lookupPath = (serviceId: string) =>
	`/api/v1/services/${encodeURIComponent(serviceId)}/lookup`;
