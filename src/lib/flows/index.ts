import { transactionStatusFlow } from './transaction-status';
import type { Flow, MenuId } from './types';

/** The service catalogue: every flow the kiosk can run, in menu order. A new service is one line. */
export const FLOWS: readonly Flow[] = [transactionStatusFlow];

const byId = new Map(FLOWS.map((flow) => [flow.id, flow]));

export function flowById(id: string): Flow | undefined {
	return byId.get(id);
}

export function flowsInMenu(menu: MenuId): Flow[] {
	return FLOWS.filter((flow) => flow.menu === menu);
}
