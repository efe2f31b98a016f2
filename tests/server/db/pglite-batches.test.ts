import { describe, expect, it } from 'vitest';
import { nextBatchLength } from '../../../server/db/pglite-batches.ts';
import { ReadyForQueryFilter } from '../../../server/db/pglite-sync-ready.ts';

const msg = (type: string, body = '') => {
  const b = Buffer.alloc(5 + body.length);
  b.write(type, 0);
  b.writeInt32BE(4 + body.length, 1);
  b.write(body, 5);
  return b;
};
const startup = () => {
  const body = Buffer.from('user\0postgres\0\0');
  const b = Buffer.alloc(8 + body.length);
  b.writeInt32BE(b.length, 0);
  b.writeInt32BE(196_608, 4);
  body.copy(b, 8);
  return b;
};

describe('nextBatchLength: the messages PGlite gets in one call', () => {
  const [parse, bind, describe_, execute, sync] = [msg('P', '\0SELECT 1\0\0\0'), msg('B', '\0\0\0\0\0\0\0\0'), msg('D', 'P\0'), msg('E', '\0\0\0\0\0'), msg('S')];
  const query = Buffer.concat([parse, bind, describe_, execute, sync]);

  it('a query up to and including its Sync, the next one apart', () => {
    expect(nextBatchLength(Buffer.concat([query, query]))).toBe(query.length);
  });
  it('as many extended messages as are complete while the Sync has not arrived; none while the first is incomplete', () => {
    expect(nextBatchLength(Buffer.concat([parse, bind, describe_.subarray(0, 3)]))).toBe(parse.length + bind.length);
    expect(nextBatchLength(parse.subarray(0, parse.length - 1))).toBe(0);
    expect(nextBatchLength(Buffer.alloc(0))).toBe(0);
  });
  it('a simple Query, a Terminate or a StartupMessage alone', () => {
    const q = msg('Q', 'SELECT 1\0');
    expect(nextBatchLength(Buffer.concat([q, query]))).toBe(q.length);
    expect(nextBatchLength(Buffer.concat([parse, q]))).toBe(parse.length);
    expect(nextBatchLength(Buffer.concat([msg('X'), query]))).toBe(5);
    expect(nextBatchLength(Buffer.concat([startup(), query]))).toBe(startup().length);
  });
});

describe('ReadyForQueryFilter.endWithReady: one ReadyForQuery for a batch, its last', () => {
  it('of "error, ready, ready" (PGlite on a batch whose Bind failed) sends the error and one ready, with the last status', () => {
    const out: Buffer[] = [];
    const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
    const stream = Buffer.concat([msg('1'), msg('E', 'SERROR\0\0'), msg('Z', 'T'), msg('Z', 'E')]);
    for (let i = 0; i < stream.length; i += 3) filter.push(stream.subarray(i, i + 3)); // split anywhere
    filter.endWithReady();
    expect(Buffer.concat(out).equals(Buffer.concat([msg('1'), msg('E', 'SERROR\0\0'), msg('Z', 'E')]))).toBe(true);
  });
  it('sends nothing when PGlite sent no ReadyForQuery', () => {
    const out: Buffer[] = [];
    const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
    filter.push(msg('1'));
    filter.endWithReady();
    expect(Buffer.concat(out).equals(msg('1'))).toBe(true);
  });
});
