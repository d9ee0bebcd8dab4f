import { describe, expect, it } from 'vitest';
import { clearCitizenData, loadWizard, saveWizard } from './wizard-storage';

/** sessionStorage's behaviour, for tests that run outside a browser. */
class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	clear() {
		this.#items.clear();
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.#items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	setItem(key: string, value: string) {
		this.#items.set(key, value);
	}
}

describe('wizard storage', () => {
	it('keeps a flow’s answers across a reload', () => {
		const storage = new MemoryStorage();
		saveWizard(storage, 'transaction-status', {
			answers: { 'transaction-id': { transactionId: '2611220001' } },
			results: {}
		});
		expect(loadWizard(storage, 'transaction-status').answers).toEqual({
			'transaction-id': { transactionId: '2611220001' }
		});
	});

	it('starts afresh from a damaged entry and removes it', () => {
		const storage = new MemoryStorage();
		storage.setItem('emitra.wizard.transaction-status', '{not json');
		expect(loadWizard(storage, 'transaction-status')).toEqual({ answers: {}, results: {} });
		expect(storage.length).toBe(0);
	});

	it('leaves nothing of the citizen behind when the session ends', () => {
		const storage = new MemoryStorage();
		saveWizard(storage, 'transaction-status', { answers: { a: { b: 'c' } }, results: {} });
		storage.setItem('sveltekit:snapshot', '{"typed":"2611"}');
		clearCitizenData(storage);
		expect(storage.length).toBe(0);
	});
});
