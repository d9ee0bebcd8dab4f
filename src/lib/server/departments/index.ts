/** Government services: department adapters, their lookups (see ../lookups), paid prints and Jan Aadhaar changes. */
export type * from './adapters';
export { findCertificate, findFamily, findLandRecord, findMarksheet } from './lookups';
export { findTransactionStatus } from './transaction-status';
export { orderPrint, findReprint } from './printing';
export { recordPrintAttempt, withPrintFees, PRINT_FEES_BILLER_ID } from './print-orders';
export { startMobileChange, verifyMobileChange } from './mobile-changes';
export { verifyDocument } from './documents';
export { districtOptions, tehsilOptions, villageOptions } from './land/places';
export { getDepartmentDeps, referenceDepartmentDeps, type DepartmentDeps } from './deps';
