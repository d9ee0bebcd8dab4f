/** Arguments for emitting an event: none when the payload type is `undefined`. */
export type EventArguments<Payload> = Payload extends undefined ? [] : [Payload];

/** A small typed event emitter that works the same in the browser and in Node tests. */
export class Listeners<Events extends object> {
	readonly #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

	on<Name extends keyof Events>(name: Name, listener: (payload: Events[Name]) => void): () => void {
		const listeners = this.#listeners.get(name) ?? new Set();
		listeners.add(listener);
		this.#listeners.set(name, listeners);
		return () => {
			listeners.delete(listener);
		};
	}

	/**
	 * A listener that throws must not stop the device's poll loop, so its error is rethrown
	 * on its own, where the browser reports it as an uncaught error.
	 */
	emit<Name extends keyof Events>(name: Name, ...args: EventArguments<Events[Name]>): void {
		const payload = args[0] as Events[Name];
		for (const listener of this.#listeners.get(name) ?? []) {
			try {
				(listener as (payload: Events[Name]) => void)(payload);
			} catch (error) {
				queueMicrotask(() => {
					throw error;
				});
			}
		}
	}
}
