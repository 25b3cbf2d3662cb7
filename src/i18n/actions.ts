'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from './config';

// A reader's language is a preference, not government data: no audit row, but still validated.
const schema = z.object({ locale: z.enum(LOCALES) });

export async function setLocale(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}
