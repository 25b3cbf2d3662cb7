// Renders public/icon-*.png from the same mark as public/favicon.svg (sky-blue square, gold sun,
// two voices), with no image library: `node scripts/assets/render-icons.mjs public`.
import zlib from 'node:zlib';
import fs from 'node:fs';
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const blue = [0, 175, 202], gold = [254, 197, 12], white = [255, 255, 255];
function shade(x, y, maskable) {
  // unit coordinates 0..1
  const r = maskable ? 0 : 0.18, inset = maskable ? 0 : 0.0;
  const inside = (() => { const ax = Math.max(r - x + inset, 0, x - (1 - r - inset)); const ay = Math.max(r - y + inset, 0, y - (1 - r - inset)); return ax * ax + ay * ay <= r * r || r === 0; })();
  if (!inside) return null;
  const dx = x - 0.5, dy = y - 0.46;
  const d = Math.hypot(dx, dy);
  if (d < 0.2) return gold;
  // two "voices": white arcs around the sun
  if (d > 0.27 && d < 0.32 && Math.abs(dy) < 0.2) return white;
  if (y > 0.78 && y < 0.83 && x > 0.3 && x < 0.7) return white;
  return blue;
}
function png(size, maskable) {
  const ss = 4, rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size, maskable);
        if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255; }
      }
      const n = ss * ss, a = acc[3] / n;
      const o = 1 + x * 4;
      row[o] = a ? Math.round(acc[0] / (acc[3] / 255)) : 0; row[o + 1] = a ? Math.round(acc[1] / (acc[3] / 255)) : 0; row[o + 2] = a ? Math.round(acc[2] / (acc[3] / 255)) : 0; row[o + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
const out = process.argv[2];
fs.writeFileSync(`${out}/icon-192.png`, png(192, false));
fs.writeFileSync(`${out}/icon-512.png`, png(512, false));
fs.writeFileSync(`${out}/icon-maskable-512.png`, png(512, true));
fs.writeFileSync(`${out}/apple-touch-icon.png`, png(180, true));
