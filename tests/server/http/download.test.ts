import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { asciiFallbackName, downloadDisposition } from '../../../server/http/download.ts';

/**
 * Download names as a browser reads them back (RFC 6266 parsing): the Chinese name exactly, even with
 * the characters encodeURIComponent leaves alone (' ( ) *) that end or break `filename*`, and an
 * ASCII `filename` for clients that read only that.
 */
describe('download names', () => {
  it.each([
    ['项目台账-20261202.xlsx', 'redline-projects-20261202.xlsx'],
    ["花溪(一期)*水厂's 论证.pdf", 'attachment.pdf'],
    ['红线 "示意" 图.png', '红线 "示意" 图.png'],
  ])('%s', (name, ascii) => {
    const header = downloadDisposition(name, ascii);
    // filename: a token or a quoted string of printable ASCII; filename*: attr-chars and %XX only.
    expect(header).toMatch(/^attachment; filename=("[\x20-\x7e]*"|[!#$%&'*+\-.^_`|~0-9A-Za-z]+); filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    const parsed = parse(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters.filename).toBe(name);
  });

  it('an ASCII name needs no second form', () => {
    expect(downloadDisposition('batch-12.gpkg', 'batch-12.gpkg')).toBe('attachment; filename=batch-12.gpkg');
  });
});

describe('the ASCII fallback name', () => {
  it.each([
    ['花溪示例用地.zip', 'site', 'site.zip'],
    ['eco_redline-v3.gpkg', 'layer', 'eco_redline-v3.gpkg'],
    ['红线', 'site', 'site'],
    ['水源地.tar.gz', 'site', 'site.gz'],
    ['用地.文本', 'site', 'site'],
  ])('%s → %s', (name, stem, expected) => {
    expect(asciiFallbackName(name, stem)).toBe(expected);
  });
});

describe('a name with a lone surrogate', () => {
  it('is made well-formed (U+FFFD) instead of throwing URIError from the percent-encoding', () => {
    expect(downloadDisposition('\udfff报告\ud800.csv', 'report.csv')).toBe(`attachment; filename=report.csv; filename*=UTF-8''%EF%BF%BD${encodeURIComponent('报告')}%EF%BF%BD.csv`);
  });
});
