import type { DeviceRegistry } from '$lib/devices/registry';
import type { BillQuote, PaymentView } from '$lib/contract';
import type { ModeJournal } from '../outbox/journal';
import type { PaymentHub } from '../payment-hub';

/**
 * What every payment-mode screen gets from the collect step; its words and language come from the
 * kiosk context. The hub's payment already exists (awaiting payment) when the screen starts; the
 * screen takes the money its own way and ends by calling `onFinished` with the hub's final record,
 * exactly once.
 */
export interface PaymentModeProps {
	payment: PaymentView;
	quote: BillQuote;
	hub: PaymentHub;
	/** The payment's outbox: money that moves on the kiosk is recorded here before the citizen is told. */
	journal: ModeJournal;
	devices: DeviceRegistry;
	onFinished: (view: PaymentView) => void;
	/** The hub could not be told how the payment ended: the payment waits in the outbox, queued. */
	onUnsettled: (transactionId: string) => void;
}
