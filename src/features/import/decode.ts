import iconv from 'iconv-lite';

// What Excel and LibreOffice save as "CSV" in ru/kk locales: UTF-8 with a BOM ("CSV UTF-8"),
// UTF-8 without one (LibreOffice), or Windows-1251 ("CSV (разделители — запятые)").

export type TextEncoding = 'utf-8' | 'windows-1251';

/** The file's text and the encoding it was read in. Bytes that are not valid UTF-8 are Windows-1251. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'win1251'), encoding: 'windows-1251' };
  }
}

/** Text in Windows-1251, as Excel saves CSV on a Russian Windows. */
export const encodeWindows1251 = (text: string): Buffer => iconv.encode(text, 'win1251');
