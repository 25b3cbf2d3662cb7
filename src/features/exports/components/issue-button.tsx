'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

// Issuing posts to the API (POST /api/v1/briefings), which checks the role, closes the
// half-year and audits; the page then reloads its archive. Texts come in as props.

type Texts = { button: string; issuing: string; issued: string; failed: string; conflict: string };

export function IssueBriefingButton({ period, texts }: { period: string; texts: Texts }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'ok' | 'error'; message?: string }>({ kind: 'idle' });
  async function issue() {
    setState({ kind: 'busy' });
    try {
      const response = await fetch('/api/v1/briefings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ period }) });
      const body = (await response.json()) as { version?: number; error?: { code: string; message: string } };
      if (response.status === 409) {
        setState({ kind: 'error', message: texts.conflict.replace('{period}', period) });
        return;
      }
      if (!response.ok) {
        setState({ kind: 'error', message: texts.failed.replace('{message}', body.error?.message ?? String(response.status)) });
        return;
      }
      setState({ kind: 'ok', message: texts.issued.replace('{version}', String(body.version)).replace('{period}', period) });
      router.refresh();
    } catch (error) {
      setState({ kind: 'error', message: texts.failed.replace('{message}', error instanceof Error ? error.message : String(error)) });
    }
  }
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={issue}
        disabled={state.kind === 'busy'}
        className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white hover:bg-neutral-800 disabled:opacity-60"
      >
        {state.kind === 'busy' ? texts.issuing : texts.button}
      </button>
      <p role="status" aria-live="polite" className={state.kind === 'error' ? 'text-sm text-red-800' : 'text-sm text-neutral-800'}>
        {state.kind === 'ok' || state.kind === 'error' ? state.message : ''}
      </p>
    </div>
  );
}
