import fs from 'node:fs';
import path from 'node:path';
import { MESSAGE_PARTS } from '@/i18n/catalogue';

export type Tree = { [key: string]: string | Tree };
const dir = path.resolve('src/i18n/messages');
const read = (file: string): Tree => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

/** A locale's files, core first, as the app loads them. */
export const messageFiles = (locale: string) => [`${locale}.json`, ...MESSAGE_PARTS.map((p) => `${locale}/${p}.json`)];

/** A locale's merged catalogue; throws when two files define the same namespace. */
export function loadCatalogue(locale: string): Tree {
  const out: Tree = {};
  for (const file of messageFiles(locale)) {
    for (const [ns, value] of Object.entries(read(file))) {
      if (ns in out) throw new Error(`${locale}: namespace "${ns}" is defined twice (${file})`);
      out[ns] = value;
    }
  }
  return out;
}
