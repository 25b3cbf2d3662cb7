// Calendar dates (YYYY-MM-DD, as entered in Kazakhstan) for reading: dd.mm.yyyy in Russian and
// Kazakh, "31 Dec 2022" in English. Built from the string itself, so no time zone can shift a day.

export function formatDay(locale: string, isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
  }
  return `${day}.${month}.${year}`;
}
