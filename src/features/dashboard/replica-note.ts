import 'server-only';
import { formatLocalDate, formatLocalDateTime, formatLocalTime } from '@/i18n/format-time';
import { replicaLag } from '@/server/db/client';

/**
 * When the figures come from a replica more than a minute behind, the time it stands at, in
 * Astana time: «14:05», or with the date when that was not today. Null when they are current.
 * `now` is a parameter so a test can move the clock instead of waiting a minute.
 */
export async function replicaAsOfLabel(locale: string, now = new Date()): Promise<string | null> {
  let at: Date | null;
  try {
    at = await replicaLag({ now });
  } catch (error) {
    // The note is a courtesy: without it the figures still show.
    console.error('replica lag check failed', error);
    return null;
  }
  if (!at) return null;
  return formatLocalDate('ru', at) === formatLocalDate('ru', now) ? formatLocalTime(at) : formatLocalDateTime(locale, at);
}
