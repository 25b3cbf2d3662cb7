import { describe, expect, it } from 'vitest';
import {
  ISSUE_STATUSES, type IssueStatus, type StatusEvent,
  checkTransition, isResolvedDuring, lastResolvedOn, resolutionRate, statusOn,
} from '@/server/records/issues/rules';

// Expected outcome of every (from, to) pair without a comment.
// 'ok' = allowed, 'reason' = allowed only with a non-blank reason, 'no' = refused.
const TABLE: Record<IssueStatus, Record<IssueStatus, 'ok' | 'reason' | 'no'>> = {
  RAISED: { RAISED: 'no', IN_EXECUTION: 'ok', RESOLVED: 'ok', NOT_SUPPORTED: 'ok', ESCALATED: 'ok' },
  IN_EXECUTION: { RAISED: 'no', IN_EXECUTION: 'ok', RESOLVED: 'ok', NOT_SUPPORTED: 'ok', ESCALATED: 'ok' },
  ESCALATED: { RAISED: 'no', IN_EXECUTION: 'ok', RESOLVED: 'ok', NOT_SUPPORTED: 'ok', ESCALATED: 'ok' },
  RESOLVED: { RAISED: 'no', IN_EXECUTION: 'reason', RESOLVED: 'no', NOT_SUPPORTED: 'no', ESCALATED: 'no' },
  NOT_SUPPORTED: { RAISED: 'no', IN_EXECUTION: 'reason', RESOLVED: 'no', NOT_SUPPORTED: 'no', ESCALATED: 'no' },
};

const pairs = ISSUE_STATUSES.flatMap((from) => ISSUE_STATUSES.map((to) => [from, to, TABLE[from][to]] as const));

// Shorthand for a history: [status, date] in record order.
const h = (...events: Array<[IssueStatus, string]>): StatusEvent[] => events.map(([to, on], seq) => ({ to, on, seq }));

describe('checkTransition', () => {
  it('covers all 25 pairs', () => expect(pairs).toHaveLength(25));

  it.each(pairs)('%s -> %s is %s', (from, to, expected) => {
    if (expected === 'ok') {
      expect(checkTransition(from, to)).toEqual({ ok: true });
      expect(checkTransition(from, to, 'any note')).toEqual({ ok: true });
    } else if (expected === 'reason') {
      for (const blank of [undefined, null, '', '   \n\t']) {
        expect(checkTransition(from, to, blank)).toEqual({ ok: false, reason: 'REASON_REQUIRED' });
      }
      expect(checkTransition(from, to, 'work resumed')).toEqual({ ok: true });
    } else {
      expect(checkTransition(from, to)).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
      expect(checkTransition(from, to, 'a reason does not help')).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
    }
  });
});

describe('statusOn', () => {
  it('is null before the first event', () => {
    expect(statusOn(h(['RAISED', '2022-03-01']), '2022-02-28')).toBeNull();
    expect(statusOn([], '2022-03-01')).toBeNull();
  });

  it('takes the last event on or before the date and ignores later ones', () => {
    const hist = h(['RAISED', '2022-03-01'], ['IN_EXECUTION', '2022-04-01'], ['RESOLVED', '2022-05-01']);
    expect(statusOn(hist, '2022-03-01')).toBe('RAISED');
    expect(statusOn(hist, '2022-04-30')).toBe('IN_EXECUTION');
    expect(statusOn(hist, '2022-05-01')).toBe('RESOLVED');
  });

  it('breaks ties on the same date by seq, whatever the array order', () => {
    const events: StatusEvent[] = [
      { to: 'RESOLVED', on: '2022-04-01', seq: 3 },
      { to: 'RAISED', on: '2022-04-01', seq: 1 },
      { to: 'IN_EXECUTION', on: '2022-04-01', seq: 2 },
    ];
    expect(statusOn(events, '2022-04-01')).toBe('RESOLVED');
    expect(statusOn([...events].reverse(), '2022-04-01')).toBe('RESOLVED');
  });

  it('prefers a later date over a higher seq', () => {
    const events: StatusEvent[] = [
      { to: 'IN_EXECUTION', on: '2022-05-01', seq: 1 },
      { to: 'RESOLVED', on: '2022-04-01', seq: 9 },
    ];
    expect(statusOn(events, '2022-06-01')).toBe('IN_EXECUTION');
  });
});

describe('lastResolvedOn', () => {
  const hist = h(['RAISED', '2022-01-10'], ['RESOLVED', '2022-02-01'], ['IN_EXECUTION', '2022-03-01'], ['RESOLVED', '2022-08-01']);
  it('returns the latest resolution known on the date', () => {
    expect(lastResolvedOn(hist, '2022-01-31')).toBeNull();
    expect(lastResolvedOn(hist, '2022-02-01')).toBe('2022-02-01');
    expect(lastResolvedOn(hist, '2022-07-31')).toBe('2022-02-01');
    expect(lastResolvedOn(hist, '2022-12-31')).toBe('2022-08-01');
  });
});

describe('isResolvedDuring', () => {
  const H2 = { from: '2022-07-01', to: '2022-12-31' };

  it('counts an issue resolved inside the period', () => {
    expect(isResolvedDuring(h(['RAISED', '2022-07-05'], ['RESOLVED', '2022-09-01']), H2)).toBe(true);
  });
  it('counts resolutions on the first and last day', () => {
    expect(isResolvedDuring(h(['RAISED', '2022-06-05'], ['RESOLVED', '2022-07-01']), H2)).toBe(true);
    expect(isResolvedDuring(h(['RAISED', '2022-07-05'], ['RESOLVED', '2022-12-31']), H2)).toBe(true);
  });
  it('does not count an issue resolved before the period', () => {
    expect(isResolvedDuring(h(['RAISED', '2022-02-01'], ['RESOLVED', '2022-06-30']), H2)).toBe(false);
  });
  it('does not count an issue resolved after the period', () => {
    expect(isResolvedDuring(h(['RAISED', '2022-07-05'], ['RESOLVED', '2023-01-01']), H2)).toBe(false);
  });
  it('does not count one resolved in the period then reopened before its end', () => {
    expect(isResolvedDuring(h(['RAISED', '2022-07-05'], ['RESOLVED', '2022-08-01'], ['IN_EXECUTION', '2022-10-01']), H2)).toBe(false);
  });
  it('counts one resolved, reopened and resolved again inside the period once', () => {
    const hist = h(['RAISED', '2022-07-05'], ['RESOLVED', '2022-08-01'], ['IN_EXECUTION', '2022-09-01'], ['RESOLVED', '2022-11-01']);
    expect(isResolvedDuring(hist, H2)).toBe(true);
    expect([hist, hist].filter((x) => isResolvedDuring(x, H2))).toHaveLength(2); // one per issue, not per resolution
  });
  it('counts an issue raised before the period but resolved in it', () => {
    expect(isResolvedDuring(h(['RAISED', '2021-11-01'], ['IN_EXECUTION', '2022-01-01'], ['RESOLVED', '2022-10-01']), H2)).toBe(true);
  });
  it('judges by the last resolution: an earlier one outside the period does not matter', () => {
    const hist = h(['RAISED', '2022-01-05'], ['RESOLVED', '2022-03-01'], ['IN_EXECUTION', '2022-04-01'], ['RESOLVED', '2022-07-15']);
    expect(isResolvedDuring(hist, H2)).toBe(true);
    expect(isResolvedDuring(hist, { from: '2022-01-01', to: '2022-06-30' })).toBe(false);
  });
});

describe('resolutionRate', () => {
  it('is null when no issues were raised', () => expect(resolutionRate([], '2022-12-31')).toBeNull());

  it('is the share resolved as of the date', () => {
    const issues = [
      h(['RAISED', '2022-01-05'], ['RESOLVED', '2022-03-01']),
      h(['RAISED', '2022-01-05'], ['RESOLVED', '2022-03-01'], ['IN_EXECUTION', '2022-04-01']),
      h(['RAISED', '2022-02-05'], ['RESOLVED', '2023-01-15']),
      h(['RAISED', '2022-02-05'], ['NOT_SUPPORTED', '2022-05-01']),
    ];
    expect(resolutionRate(issues, '2022-03-15')).toBe(0.5);
    expect(resolutionRate(issues, '2022-12-31')).toBe(0.25);
    expect(resolutionRate(issues, '2023-01-31')).toBe(0.5);
  });
});
