import { describeDeviceError, type DeviceMessage } from '../device-messages';

export interface CheckOutcome {
	ok: boolean;
	message: DeviceMessage;
	detail?: string;
}

/** One diagnostic action's state: running, or what it found (a thrown error becomes its message). */
export class DeviceCheck {
	busy = $state(false);
	outcome = $state<CheckOutcome | undefined>();

	/** Runs `action`; what it returns is a success unless it says `ok: false`. */
	async run(action: () => Promise<{ ok?: boolean; message: DeviceMessage; detail?: string }>): Promise<void> {
		this.busy = true;
		try {
			this.outcome = { ok: true, ...(await action()) };
		} catch (error) {
			this.outcome = { ok: false, message: describeDeviceError(error) };
		} finally {
			this.busy = false;
		}
	}

	report(outcome: CheckOutcome): void {
		this.outcome = outcome;
	}
}
