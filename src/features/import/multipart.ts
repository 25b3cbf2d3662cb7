// The file of a multipart/form-data body, found with Buffer.indexOf: the platform's formData()
// parses a 20 MB body in one synchronous step of a few hundred milliseconds, holding every other request.

const CRLF2 = Buffer.from('\r\n\r\n');

/** The part named `field` that carries a file: its name and bytes (a view into `body`); null when there is none; 'malformed' for a body that is no multipart. */
export function filePart(body: Buffer, contentType: string, field: string): { name: string; bytes: Uint8Array } | null | 'malformed' {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return 'malformed';
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const next = Buffer.concat([Buffer.from('\r\n'), delimiter]);
  let at = body.indexOf(delimiter);
  if (at < 0) return 'malformed';
  for (;;) {
    at += delimiter.length;
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return null; // the closing delimiter
    const headersEnd = body.indexOf(CRLF2, at);
    if (headersEnd < 0) return 'malformed';
    const headers = body.subarray(at, headersEnd).toString('utf8');
    const start = headersEnd + CRLF2.length;
    const end = body.indexOf(next, start);
    if (end < 0) return 'malformed';
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === field && fileName !== undefined) return { name: decodeURIComponentSafe(fileName), bytes: body.subarray(start, end) };
    at = end + 2;
  }
}

/** Browsers escape `"`, CR and LF in a file name as %22, %0D, %0A. */
function decodeURIComponentSafe(s: string): string {
  return s.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
