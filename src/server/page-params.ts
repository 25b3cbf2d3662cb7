import { z } from 'zod';

// A page's search params, read field by field: a value that does not parse is dropped and
// named, so the page still renders (with a notice) rather than failing on a hand-edited URL.

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next gives a repeated key as an array; the first value counts. An empty value is absent. */
export const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function parsePageParams<S extends Record<string, z.ZodType>>(
  shape: S,
  raw: RawSearchParams,
): { values: { [K in keyof S]?: z.output<S[K]> }; invalid: Array<keyof S & string> } {
  const values: { [K in keyof S]?: z.output<S[K]> } = {};
  const invalid: Array<keyof S & string> = [];
  for (const key of Object.keys(shape) as Array<keyof S & string>) {
    const value = firstValue(raw[key]);
    if (value === undefined) continue;
    const parsed = shape[key]!.safeParse(value);
    if (parsed.success) values[key] = parsed.data as z.output<S[typeof key]>;
    else invalid.push(key);
  }
  return { values, invalid };
}

/** A page number from the URL: 1 to 100 000. */
export const pageNumber = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(100_000));

/** Free-text search: trimmed, 2 to 100 characters. */
export const searchText = z.string().trim().min(2).max(100);
