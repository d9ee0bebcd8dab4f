/** The payment core: bill payments from quote to receipt, the wallet, credits and the jobs. */
export { quoteBill, createPayment } from './bills';
export { reportNote, completeCashPayment } from './cash';
export { cancelPayment } from './cancel';
export { recordApproval } from './approvals';
export { startCardOnline, confirmCardOtp, cardStartFingerprint } from './card-online';
export { payByAadhaar, aadhaarPayFingerprint } from './aadhaar';
export { listAadhaarBanks } from './banks';
export { verifyReceipt } from './receipts';
export { getPayment } from './view';
export { cancelAbandonedPayments, startPaymentJobs } from './jobs';
export { walletBalance } from './wallet';
export { getPaymentDeps, type PaymentDeps } from './deps';
export { kioskQuery, paymentCommand } from './http';
