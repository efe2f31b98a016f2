import { describe, expect, it } from 'vitest';
import { nextBatchLength } from '../../../server/db/pglite-batches.ts';
import type { PGlite } from '@electric-sql/pglite';
import { readyForQueryOnlyAtSync, ReadyForQueryFilter } from '../../../server/db/pglite-sync-ready.ts';

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
  it('sends nothing when PGlite sent no ReadyForQuery to a batch that expects none (no Sync or Query at its end)', () => {
    const out: Buffer[] = [];
    const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
    filter.push(msg('1'));
    filter.endWithReady(null);
    expect(Buffer.concat(out).equals(msg('1'))).toBe(true);
  });
  it('answers a Sync that PGlite left unanswered with a 58000 error and one ReadyForQuery (the client would wait for ever)', () => {
    const out: Buffer[] = [];
    const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
    filter.push(Buffer.concat([msg('1'), msg('2')])); // ParseComplete, BindComplete, then nothing
    filter.endWithReady('I');
    const sent = Buffer.concat(out);
    const types: string[] = [];
    for (let i = 0; i < sent.length; i += 1 + sent.readInt32BE(i + 1)) types.push(String.fromCharCode(sent[i]));
    expect(types).toEqual(['1', '2', 'E', 'Z']);
    expect(sent.toString('latin1')).toContain('C58000');
    expect(sent.subarray(sent.length - 6).equals(msg('Z', 'I'))).toBe(true);
  });
  it('adds no second error when PGlite sent one, and keeps the transaction status given', () => {
    const out: Buffer[] = [];
    const filter = new ReadyForQueryFilter((d) => out.push(Buffer.from(d)));
    filter.push(msg('E', 'SERROR\0C53200\0\0'));
    filter.endWithReady('E');
    expect(Buffer.concat(out).equals(Buffer.concat([msg('E', 'SERROR\0C53200\0\0'), msg('Z', 'E')]))).toBe(true);
  });
});

describe('readyForQueryOnlyAtSync: a PGlite that stops answering', () => {
  const sync = msg('S');
  /** A PGlite stand-in whose answers are scripted per batch: [] = it sent nothing at all. */
  function scripted(answers: Buffer[][]) {
    const sent: Buffer[] = [];
    const db = {
      isInTransaction: () => false,
      execProtocolRawStream: async (_batch: Uint8Array, { onRawData }: { onRawData: (d: Uint8Array) => void }) => {
        for (const part of answers.shift() ?? []) onRawData(part);
      },
    };
    const failures: unknown[] = [];
    let lost = 0;
    const wrapped = readyForQueryOnlyAtSync(
      db as unknown as PGlite,
      ((e: unknown) => {
        failures.push(e);
        throw new Error('thread ended');
      }) as (e: unknown) => never,
      () => lost++,
    );
    const run = (batch: Buffer) => wrapped.execProtocolRawStream(batch, { onRawData: (d: Uint8Array) => sent.push(Buffer.from(d)) });
    return { run, sent, failures, lost: () => lost };
  }

  it('answers a lost statement with an error and ReadyForQuery, then says once that PGlite is lost (its state is not to be trusted)', async () => {
    const { run, sent, failures, lost } = scripted([[msg('Z', 'I')], [], [msg('Z', 'I')], []]);
    await run(sync);
    expect(lost()).toBe(0);
    await run(sync);
    expect(lost()).toBe(1);
    const answer = Buffer.concat(sent.slice(1));
    expect(answer[0]).toBe('E'.charCodeAt(0)); // the 58000 error …
    expect(answer.at(-6)).toBe('Z'.charCodeAt(0)); // … and ReadyForQuery
    await run(sync);
    await run(sync);
    expect(lost()).toBe(1);
    expect(failures).toHaveLength(0);
  });

  it('after a statement that failed, probes PGlite and says it is lost when the probe fails — not when it answers rows', async () => {
    const failed = [msg('E', 'SERROR\0CXX000\0\0'), msg('Z', 'I')];
    const rows = [msg('T', '\0\0'), msg('D', '\0\0'), msg('C', 'SELECT 1\0'), msg('Z', 'I')];
    const outOfMemory = [msg('E', 'SERROR\0C53200\0\0'), msg('Z', 'I')];
    // A failed statement, then the probe answering rows: trusted.
    const ok = scripted([failed, rows]);
    await ok.run(sync);
    expect(ok.lost()).toBe(0);
    // A failed statement, then the probe failing too: lost, and the client still gets its answer.
    const broken = scripted([failed, outOfMemory]);
    await broken.run(sync);
    expect(broken.lost()).toBe(1);
    expect(Buffer.concat(broken.sent).equals(Buffer.concat(failed))).toBe(true);
    // An ordinary SQL error (division by zero) says nothing of PGlite's memory: no probe is sent.
    const divided = scripted([[msg('E', 'SERROR\0C22012\0Mdivision by zero\0\0'), msg('Z', 'I')], outOfMemory]);
    await divided.run(sync);
    expect(divided.lost()).toBe(0);
  });
});
