/**
 * The contract: everything that crosses the wire between a kiosk and the hub — paths, header
 * names, request and answer schemas (valibot, checked on both sides), status lists, refusal codes
 * — and the few pure rules both sides must apply alike (digits, locales, how money and dates are
 * written, card and Aadhaar checksums and masks). Pure TypeScript: no Svelte, no DOM, no Node.
 * Kiosk code and hub code import it through this door only (`$lib/contract`); the dependency rule
 * (.dependency-cruiser.cjs) keeps it so.
 */
export * from './digits';
export * from './errors';
export * from './fleet';
export * from './format';
export * from './government';
export * from './instruments';
export * from './locales';
export * from './lookups';
export * from './luhn';
export * from './machines';
export * from './operators';
export * from './payments';
export * from './verhoeff';
