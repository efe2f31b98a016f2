import { describe, expect, it } from 'vitest';
import { ReadyForQueryFilter } from '../../../server/db/pglite-sync-ready.ts';

const msg = (type: string, body: string) => {
  const b = Buffer.alloc(5 + body.length);
  b.write(type, 0);
  b.writeInt32BE(4 + body.length, 1);
  b.write(body, 5);
  return b;
};

describe('ReadyForQueryFilter', () => {
  const error = msg('E', 'SERROR\0Msyntax\0\0');
  const ready = msg('Z', 'I');
  const parse = msg('1', '');
  const stream = Buffer.concat([parse, error, ready, msg('S', 'a\0b\0')]);
  const expected = Buffer.concat([parse, error, msg('S', 'a\0b\0')]);

  it('drops ReadyForQuery and passes every other message, however the bytes are split', () => {
    for (let cut1 = 0; cut1 <= stream.length; cut1++) {
      for (const cut2 of [cut1, Math.min(stream.length, cut1 + 1), Math.min(stream.length, cut1 + 3)]) {
        const out: Buffer[] = [];
        const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
        for (const part of [stream.subarray(0, cut1), stream.subarray(cut1, cut2), stream.subarray(cut2)]) filter.push(part);
        expect(Buffer.concat(out).equals(expected), `cut at ${cut1}/${cut2}`).toBe(true);
      }
    }
  });

  it('turns a PortalSuspended into an ErrorResponse with SQLSTATE 58000 when asked (an Execute without a row limit)', () => {
    const suspended = Buffer.concat([msg('2', ''), msg('s', '')]);
    for (const [asked, types] of [[true, '2E'], [false, '2s']] as const) {
      const out: Buffer[] = [];
      new ReadyForQueryFilter((d) => out.push(Buffer.from(d)), asked).push(suspended);
      const bytes = Buffer.concat(out);
      const seen: string[] = [];
      for (let i = 0; i < bytes.length; i += 1 + bytes.readInt32BE(i + 1)) seen.push(String.fromCharCode(bytes[i]));
      expect(seen.join('')).toBe(types);
      if (asked) expect(bytes.toString('latin1')).toContain('C58000\0');
    }
  });

  it('passes a chunk without ReadyForQuery through as it is (no copy)', () => {
    const chunk = Buffer.concat([parse, error]);
    const out: Uint8Array[] = [];
    new ReadyForQueryFilter((d) => out.push(d)).push(chunk);
    expect(out).toEqual([chunk]);
    expect(out[0]).toBe(chunk);
  });
});
