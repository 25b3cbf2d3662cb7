import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from './config';
import { loadMessages } from './catalogue';

// The language is a remembered choice (cookie), not part of the URL, so shared links
// open in each reader's own language.
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: 'Asia/Almaty',
    messages: await loadMessages(locale),
  };
});
