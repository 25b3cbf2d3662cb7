import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvLine, neutralise } from '@/features/exports/csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['+7 701 000 00 00', `'+7 701 000 00 00`],
    ['-1+1', `'-1+1`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('neutralises %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('leaves ordinary text and numbers alone; a negative number stays a number', () => {
    expect(neutralise('Ремонт дороги')).toBe('Ремонт дороги');
    expect(csvCell(-5, ';')).toBe('-5');
    expect(csvCell(0.755, ';')).toBe('0.755');
    expect(csvCell(null, ';')).toBe('');
  });

  it('quotes cells holding the delimiter, quotes or line breaks, after neutralising', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('=A1,B1', ',')).toBe(`"'=A1,B1"`);
    expect(csvCell('\r=1', ',')).toBe(`"'\r=1"`);
  });

  it('ends lines with CRLF and starts files with a BOM', () => {
    expect(csvLine(['Регион', 12, null], ';')).toBe('Регион;12;\r\n');
    expect(BOM).toBe('\ufeff');
  });
});
