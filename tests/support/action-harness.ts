import type pg from 'pg';
import { vi, type Mock } from 'vitest';
import type { Caller } from '@/server/auth/caller';
import { openAppDatabase } from './database';

// What the tests that call server actions directly share. Vitest hoists vi.mock only in the
// test file itself, so each such file keeps its two vi.mock calls and takes the factories here:
//   vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
//   vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

export type ActionResult = { status: string; message?: string; fields?: Record<string, string>; data?: Record<string, unknown> };
export type Action = (prev: undefined, input: unknown) => Promise<ActionResult>;

/** The caller module with getCaller a mock, so each test picks who is acting. */
export async function mockGetCaller(original: () => Promise<object>) {
  return { ...(await original()), getCaller: vi.fn() };
}

/** next-intl's server translations giving back each message's key, so tests read which message was chosen. */
export const messagesAsKeys = () => ({
  getTranslations: vi.fn(async () => Object.assign((key: string) => key, { has: () => true })),
});

export type ActionDatabase = {
  pool: pg.Pool;
  getCaller: Mock<() => Promise<Caller | null>>;
  close: () => Promise<void>;
};

/**
 * A database of this test file's own (see openAppDatabase), so no file's expectations see
 * another's writes, and the mocked getCaller. `close` drops the database.
 */
export async function openActionDatabase(): Promise<ActionDatabase> {
  const { pool, close } = await openAppDatabase();
  const { getCaller } = await import('@/server/auth/caller');
  // Without the vi.mock above in the test file, every action would run as nobody and fail obscurely.
  if (!vi.isMockFunction(getCaller)) {
    await close();
    throw new Error('mock @/server/auth/caller in the test file (see tests/support/action-harness.ts)');
  }
  return { pool, getCaller: vi.mocked(getCaller), close };
}

/** Calls one of the loaded actions by its export name, acting as the caller named. */
export type RunAction<Who extends string> = (name: string, input: unknown, as: Who) => Promise<ActionResult>;

/** Loads the actions of the named features (src/features/<name>/actions.ts) to call them by name. */
export async function actionsByName<Who extends string>(
  getCaller: ActionDatabase['getCaller'],
  callers: Record<Who, Caller>,
  features: readonly string[],
): Promise<RunAction<Who>> {
  const actions: Record<string, Action> = {};
  for (const feature of features) Object.assign(actions, await import(`@/features/${feature}/actions.ts`));
  return (name, input, as) => {
    const action = actions[name];
    if (!action) throw new Error(`no action ${name} in ${features.join(', ')}`);
    getCaller.mockResolvedValue(callers[as]);
    return action(undefined, input);
  };
}
