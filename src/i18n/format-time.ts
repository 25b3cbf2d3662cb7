// Times are stored in UTC and shown in Kazakhstan's time, with UTC beside them where it matters.

export const APP_TIME_ZONE = 'Asia/Almaty';

export const formatLocalDateTime = (locale: string, at: Date) =>
  new Intl.DateTimeFormat(locale, { timeZone: APP_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(at);

export const formatLocalDate = (locale: string, at: Date) =>
  new Intl.DateTimeFormat(locale, { timeZone: APP_TIME_ZONE, dateStyle: 'medium' }).format(at);

/** 2026-11-27 10:20:57 UTC */
export const formatUtc = (at: Date) => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
