// Set-up of the `components` project: each test renders into a clean jsdom document (the testing
// library's own cleanup), navigation is recorded instead of done, IndexedDB (the outbox) is
// fake-indexeddb, and nothing a test stored or stubbed reaches the next test.
import '@testing-library/svelte/vitest';
import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';

vi.mock('$app/navigation', () => ({ goto: vi.fn(async () => undefined) }));

afterEach(() => {
	vi.clearAllMocks();
	vi.unstubAllGlobals();
	sessionStorage.clear();
	localStorage.clear();
});
