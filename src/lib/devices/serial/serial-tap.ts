import type { SerialLineSettings } from './serial-port';
import type { SimulatedSerialDevice } from './simulated-serial-port';

export type SerialDirection = 'toDevice' | 'toHost';

export interface SerialTraffic {
	direction: SerialDirection;
	bytes: Uint8Array;
	dropped: boolean;
}

/**
 * Sits in the simulated cable between host and device: records every chunk and can lose
 * chosen ones, as a noisy line would, to show how a driver copes.
 */
export class SerialTap implements SimulatedSerialDevice {
	readonly traffic: SerialTraffic[] = [];
	readonly #device: SimulatedSerialDevice;
	readonly #drops: { direction: SerialDirection; matches: (bytes: Uint8Array) => boolean }[] = [];

	constructor(device: SimulatedSerialDevice) {
		this.#device = device;
	}

	get name(): string {
		return this.#device.name;
	}

	get lineSettings(): SerialLineSettings {
		return this.#device.lineSettings;
	}

	/** Loses the next chunk going `direction` that `matches` accepts. */
	dropNext(direction: SerialDirection, matches: (bytes: Uint8Array) => boolean = () => true): void {
		this.#drops.push({ direction, matches });
	}

	attach(toHost: (bytes: Uint8Array) => void): void {
		this.#device.attach((bytes) => {
			if (this.#pass('toHost', bytes)) toHost(bytes);
		});
	}

	receive(bytes: Uint8Array): void {
		if (this.#pass('toDevice', bytes)) this.#device.receive(bytes);
	}

	detach(): void {
		this.#device.detach();
	}

	#pass(direction: SerialDirection, bytes: Uint8Array): boolean {
		const drop = this.#drops.findIndex((rule) => rule.direction === direction && rule.matches(bytes));
		if (drop >= 0) this.#drops.splice(drop, 1);
		this.traffic.push({ direction, bytes: bytes.slice(), dropped: drop >= 0 });
		return drop < 0;
	}
}
