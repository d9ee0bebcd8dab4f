// See https://svelte.dev/docs/kit/types#app.d.ts
import type { ActiveSession } from '$lib/server/operators/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			/** The programme office's session, set by the /admin guard in hooks.server.ts. */
			admin?: ActiveSession;
		}
	}
}

export {};
