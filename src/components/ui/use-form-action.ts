'use client';

import { useActionState, useEffect } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionState } from '@/server/action';

// useActionState around a server action made by authorizedAction, keeping what the person
// typed (React resets the form after an action) so an error never loses their input.
// Secret fields (passwords) are never kept. After a success the page's server data refreshes.

export type FormAction<T> = (prev: ActionState<T> | undefined, input: FormData) => Promise<ActionState<T>>;

type FormState<T> = { result: ActionState<T>; values: Record<string, string>; submitted: number };

export function useFormAction<T>(action: FormAction<T>, options: { secretFields?: string[]; refresh?: boolean } = {}) {
  const router = useRouter();
  const secret = options.secretFields ?? [];
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(
    async (prev, form) => {
      const values: Record<string, string> = {};
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string' && !key.startsWith('$ACTION') && !secret.includes(key)) values[key] = value;
      }
      const result = await action(prev.result, form);
      return { result, values, submitted: prev.submitted + 1 };
    },
    { result: { status: 'idle' }, values: {}, submitted: 0 },
  );

  const ok = state.result.status === 'ok';
  const refresh = options.refresh !== false;
  useEffect(() => {
    if (ok && refresh && state.submitted > 0) router.refresh();
  }, [ok, refresh, router, state.submitted]);

  const value = (name: string, fallback?: string | number | null): string => {
    const typed = state.submitted > 0 ? state.values[name] : undefined;
    if (typed !== undefined) return typed;
    return fallback === null || fallback === undefined ? '' : String(fallback);
  };
  /** A checkbox is absent from the form data when unchecked. */
  const checked = (name: string, fallback: boolean) => (state.submitted > 0 ? state.values[name] === 'on' : fallback);
  const fields = state.result.status === 'error' ? state.result.fields : undefined;
  const error = (name: string) => fields?.[name];

  return { state: state.result, submitted: state.submitted, formAction, pending, value, checked, fields, error };
}
