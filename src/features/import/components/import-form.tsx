'use client';

import { useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { SuccessNote } from '@/components/ui/form-fields';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatDay } from '@/i18n/format-day';
import { formatLocalDate } from '@/i18n/format-time';
import { formatCount, withCountTexts } from '@/lib/format';
import { MAX_FILE_BYTES } from '../limits';

// Upload with progress (XHR reports the bytes sent), then the check's and the commit's own
// progress in rows, read from their NDJSON stream (see api.ts); then the check's preview —
// counts, every error by row and column, the first rows to be written — and the commit.

type CheckError = { row: number; column: string; field: string; message: string };
type SampleRow = { line: number; externalRef: string; heldOn: string; issueNumber: number; status: string; needKzt: number | null; allocatedKzt: number | null };
type Checked = { id: string; rows: number; ready: number; errors: CheckError[]; alreadyImportedAt: string | null; sample: SampleRow[] };
type Committed = { meetings: number; issues: number; statuses: number; money: number; receptions?: number };
type Progress = { phase: 'reading' | 'checking' | 'writing'; done: number; total: number };
type Answer = { status: number; body: unknown };

const SHOWN_ERRORS = 500;
/** The preview tables' scroll box: a long check is read a screenful at a time. */
const box = 'max-h-96 rounded border border-neutral-200 bg-white';
const NDJSON = 'application/x-ndjson';

/** Feeds the complete lines of a growing NDJSON text to `onLine`; returns how far it read. */
function readLines(text: string, from: number, onLine: (value: unknown) => void): number {
  let start = from;
  for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end).trim();
    if (line) onLine(JSON.parse(line));
    start = end + 1;
  }
  return start;
}

/** A progress line, or the last line { status, body }. */
const isAnswer = (value: unknown): value is Answer => typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

function upload(file: File, onUpload: (percent: number) => void, onProgress: (p: Progress) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('Accept', NDJSON);
    let read = 0;
    let answer: Answer | null = null;
    const take = () => {
      if (!(xhr.getResponseHeader('content-type') ?? '').startsWith(NDJSON)) return;
      read = readLines(xhr.responseText, read, (value) => {
        if (isAnswer(value)) answer = value;
        else onProgress(value as Progress);
      });
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onprogress = take;
    xhr.onload = () => {
      try {
        take();
        // A refusal before the check began (no file, not multipart) is a plain JSON answer.
        resolve(answer ?? { status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.set('file', file);
    xhr.send(form);
  });
}

async function commitWithProgress(id: string, onProgress: (p: Progress) => void): Promise<Answer> {
  const response = await fetch(`/api/v1/imports/${id}/commit`, { method: 'POST', headers: { Accept: NDJSON } });
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith(NDJSON)) return { status: response.status, body: await response.json() };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let read = 0;
  let answer: Answer | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) text += value;
    read = readLines(text, read, (line) => {
      if (isAnswer(line)) answer = line;
      else onProgress(line as Progress);
    });
    if (done) break;
  }
  if (!answer) throw new Error('no answer');
  return answer;
}

export function ImportForm() {
  const t = useTranslations('import');
  const codes = useTranslations('codes.issueStatus');
  const locale = useLocale();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'checked' | 'committing' | 'committed'>('idle');
  const [percent, setPercent] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Committed | null>(null);

  async function onCheck(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    setProblem(null);
    setResult(null);
    setChecked(null);
    if (!file) {
      setProblem(t('chooseFile'));
      return;
    }
    // The server refuses it too (413); saying so here spares the upload.
    if (file.size > MAX_FILE_BYTES) {
      setProblem(t('errors.tooLarge', { max: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    setPhase('uploading');
    setPercent(0);
    setProgress(null);
    try {
      const { status, body } = await upload(file, setPercent, setProgress);
      if (status === 200) {
        setChecked(body as Checked);
        setPhase('checked');
      } else {
        setProblem((body as { errors?: CheckError[] }).errors?.[0]?.message ?? t('failed'));
        setPhase('idle');
      }
    } catch {
      setProblem(t('failed'));
      setPhase('idle');
    }
  }

  async function onCommit() {
    if (!checked) return;
    setPhase('committing');
    setProblem(null);
    setProgress(null);
    try {
      const answer = await commitWithProgress(checked.id, setProgress);
      const body = answer.body as Committed & { errors?: CheckError[] };
      if (answer.status === 200) {
        setResult(body);
        setPhase('committed');
      } else {
        if (body.errors) setChecked({ ...checked, ready: 0, errors: body.errors });
        setProblem(body.errors?.[0]?.message ?? t('failed'));
        setPhase('checked');
      }
    } catch {
      setProblem(t('failed'));
      setPhase('checked');
    }
  }

  const busy = phase === 'uploading' || phase === 'committing';
  return (
    <div className="space-y-6">
      <form onSubmit={onCheck} noValidate className="max-w-xl space-y-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="file" className="font-medium">{t('fileLabel')}</label>
          <p id="file-hint" className="text-sm text-neutral-600">{t('fileHint')}</p>
          <input id="file" name="file" type="file" ref={fileRef} aria-describedby="file-hint"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="rounded border border-neutral-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" disabled={busy} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
          {phase === 'uploading' ? t('checking') : t('check')}
        </button>
        {phase === 'uploading' ? <ProgressBar upload={percent} progress={progress} /> : null}
      </form>

      {problem ? <p role="alert" className="rounded border-2 border-red-700 bg-white p-3 text-red-900">{problem}</p> : null}

      {checked ? (
        <section aria-labelledby="preview-title" className="space-y-4">
          <h2 id="preview-title" className="text-xl font-semibold">{t('previewTitle')}</h2>
          <p role="status" data-testid="import-summary">{t('summary', withCountTexts(locale, { rows: checked.ready, errors: checked.errors.length }))}</p>
          {checked.alreadyImportedAt ? <p className="text-neutral-700">{t('alreadyImported', { date: formatLocalDate(locale, new Date(checked.alreadyImportedAt)) })}</p> : null}
          {checked.errors.length > 0 ? (
            <div className="space-y-2">
              <h3 className="font-semibold text-red-900">{t('errorsTitle')}</h3>
              {checked.errors.length > SHOWN_ERRORS ? <p className="text-sm">{t('errorsShown', { shown: formatCount(locale, SHOWN_ERRORS), total: formatCount(locale, checked.errors.length) })}</p> : null}
              <SimpleTable
                label={t('errorsTitle')}
                className={box}
                head={[{ label: t('colRow'), numeric: true }, { label: t('colColumn') }, { label: t('colMessage') }]}
              >
                {checked.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={i} className="border-t border-neutral-200">
                    <td className="px-3 py-1.5 text-right tabular">{e.row || '—'}</td>
                    <td className="px-3 py-1.5">{e.column || '—'}</td>
                    <td className="px-3 py-1.5">{e.message}</td>
                  </tr>
                ))}
              </SimpleTable>
            </div>
          ) : null}
          {checked.errors.length === 0 && checked.sample.length > 0 ? (
            <div className="space-y-2">
              <h3 className="font-semibold">{t('rowsTitle')}</h3>
              {checked.ready > checked.sample.length ? <p className="text-sm">{t('rowsShown', { shown: formatCount(locale, checked.sample.length), total: formatCount(locale, checked.ready) })}</p> : null}
              <SimpleTable
                label={t('rowsTitle')}
                className={box}
                head={[
                  { label: t('colRow'), numeric: true }, { label: t('colMeeting') }, { label: t('colHeldOn') }, { label: t('colIssue'), numeric: true },
                  { label: t('colStatus') }, { label: t('colNeed'), numeric: true }, { label: t('colAllocated'), numeric: true },
                ]}
              >
                {checked.sample.map((r) => (
                  <tr key={r.line} className="border-t border-neutral-200">
                    <td className="px-3 py-1.5 text-right tabular">{r.line}</td>
                    <td className="px-3 py-1.5">{r.externalRef}</td>
                    <td className="px-3 py-1.5 tabular">{formatDay(locale, r.heldOn)}</td>
                    <td className="px-3 py-1.5 text-right tabular">{r.issueNumber}</td>
                    <td className="px-3 py-1.5">{codes(r.status)}</td>
                    <td className="px-3 py-1.5 text-right tabular">{formatCount(locale, r.needKzt)}</td>
                    <td className="px-3 py-1.5 text-right tabular">{formatCount(locale, r.allocatedKzt)}</td>
                  </tr>
                ))}
              </SimpleTable>
            </div>
          ) : null}
          {phase !== 'committed' && checked.errors.length === 0 && checked.ready > 0 ? (
            <button type="button" onClick={onCommit} disabled={busy} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
              {phase === 'committing' ? t('committing') : t('commit', withCountTexts(locale, { rows: checked.ready }))}
            </button>
          ) : null}
          {phase === 'committing' ? <ProgressBar upload={null} progress={progress} /> : null}
          {checked.errors.length > 0 ? <p className="text-neutral-700">{t('cannotCommit')}</p> : null}
        </section>
      ) : null}

      {result ? (
        <SuccessNote>
          {result.meetings + result.issues + result.statuses + result.money + (result.receptions ?? 0) === 0
            ? t('nothingChanged') : t('committed', withCountTexts(locale, { ...result, receptions: result.receptions ?? 0 }))}
        </SuccessNote>
      ) : null}
    </div>
  );
}

/** The upload in percent until the server reports rows: read and checked, or checked again and written. */
function ProgressBar({ upload, progress }: { upload: number | null; progress: Progress | null }) {
  const t = useTranslations('import');
  const locale = useLocale();
  // Counts are formatted by lib/format, not by the message: the browser's Kazakh data writes 1,234.
  const label = progress
    ? t(`progress.${progress.phase}`, { done: formatCount(locale, progress.done), total: formatCount(locale, progress.total) })
    : upload !== null ? t('uploading', { percent: upload }) : t('progress.starting');
  const [value, max] = progress ? [progress.done, Math.max(progress.total, 1)] : upload !== null ? [upload, 100] : [0, 1];
  return (
    <div className="max-w-xl space-y-1">
      <progress max={max} value={value} aria-label={label} className="h-2 w-full" />
      <p role="status" className="text-sm tabular" data-testid="import-progress">{label}</p>
    </div>
  );
}
