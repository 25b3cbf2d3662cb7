import { astanaWallClock } from '@/lib/calendar';

// Times are stored in UTC and shown in Kazakhstan's time, with UTC beside them where it matters.
// In Russian and Kazakh a date reads dd.mm.yyyy (27.11.2026, 15:20); in English 27 Nov 2026, 15:20.
// Russian and Kazakh are assembled from numeric parts, so no locale data can turn them into words.

// The wall clock comes from the calendar's own offset rule, then is formatted as UTC, so the
// machine's tz data (which may predate Kazakhstan's 2024 move to UTC+5) plays no part.
const numeric = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const english = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const englishTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function parts(at: Date) {
  const p = Object.fromEntries(numeric.formatToParts(astanaWallClock(at)).map((x) => [x.type, x.value]));
  return { date: `${p.day}.${p.month}.${p.year}`, time: `${p.hour}:${p.minute}` };
}

export const formatLocalDateTime = (locale: string, at: Date) => {
  if (locale === 'en') return `${english.format(astanaWallClock(at))}, ${englishTime.format(astanaWallClock(at))}`;
  const { date, time } = parts(at);
  return `${date}, ${time}`;
};

export const formatLocalDate = (locale: string, at: Date) => (locale === 'en' ? english.format(astanaWallClock(at)) : parts(at).date);

/** 2026-11-27 10:20:57 UTC */
export const formatUtc = (at: Date) => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** 14:05, in Kazakhstan's time. */
export const formatLocalTime = (at: Date) => parts(at).time;
