import zlib from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedAnswer, sendCached, type CachedAnswer } from '../../../server/http/cached-answer.ts';

/** A JSON answer of about 60 kB, as a search or a layer's features may be. */
const content = { results: Array.from({ length: 1_000 }, (_, i) => ({ name: `花溪水库 ${i}`, bbox: [106.6 + i / 1e4, 26.4, 106.7, 26.5] })) };

const appSending = (answer: CachedAnswer) => express().get('/a', (req, res) => sendCached(req, res, answer));

let spies: Record<'gzip' | 'gzipSync' | 'brotliCompress' | 'brotliCompressSync', ReturnType<typeof vi.spyOn>>;
beforeEach(() => {
  spies = {
    gzip: vi.spyOn(zlib, 'gzip'),
    gzipSync: vi.spyOn(zlib, 'gzipSync'),
    brotliCompress: vi.spyOn(zlib, 'brotliCompress'),
    brotliCompressSync: vi.spyOn(zlib, 'brotliCompressSync'),
  };
});
afterEach(() => vi.restoreAllMocks());

const calls = () => Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]));

describe('a cached answer is compressed lazily, once, in the coding asked, off the event loop', () => {
  it('making an answer compresses nothing; each coding is made on its first ask, then reused', async () => {
    const answer = cachedAnswer(content);
    expect(calls()).toEqual({ gzip: 0, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });
    const app = appSending(answer);

    const gz = await request(app).get('/a').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toEqual(content);
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });

    // The same coding again, and two at once: the form made first serves them all.
    await Promise.all([request(app).get('/a').set('Accept-Encoding', 'gzip'), request(app).get('/a').set('Accept-Encoding', 'gzip')]);
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });

    const br = await request(app).get('/a').set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toEqual(content);
    await request(app).get('/a').set('Accept-Encoding', 'br, gzip');
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 1, brotliCompressSync: 0 });

    // A client that takes no coding gets the bytes as they are, and nothing is compressed for it.
    const plain = await request(app).get('/a').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(content)));
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 1, brotliCompressSync: 0 });
  });

  it('an answer made for one request (a search miss) is compressed once, in its coding only', async () => {
    await request(appSending(cachedAnswer(content))).get('/a').set('Accept-Encoding', 'gzip, deflate');
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });
  });

  it('bytes compressed already (an XLSX) and small answers are sent as they are', async () => {
    for (const answer of [cachedAnswer(Buffer.alloc(50_000, 1), 'application/zip', { compress: false }), cachedAnswer({ ok: true })]) {
      const res = await request(appSending(answer)).get('/a').set('Accept-Encoding', 'br, gzip');
      expect(res.headers['content-encoding']).toBeUndefined();
    }
    expect(calls()).toEqual({ gzip: 0, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });
  });
});

describe('each content-coding is its own representation, with its own strong ETag (RFC 9110 §8.8.1)', () => {
  it('br, gzip and identity bodies carry different ETags, and each is 304 for the client that holds it', async () => {
    const app = appSending(cachedAnswer(content));
    const tags: Record<string, string> = {};
    for (const coding of ['br', 'gzip', 'identity']) {
      const res = await request(app).get('/a').set('Accept-Encoding', coding);
      expect(res.status).toBe(200);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      tags[coding] = res.headers.etag;
      const again = await request(app).get('/a').set('Accept-Encoding', coding).set('If-None-Match', tags[coding]);
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(tags[coding]);
    }
    expect(new Set(Object.values(tags)).size).toBe(3);
    // A client holding the gzip bytes that now takes brotli is sent the brotli bytes, not a 304.
    const other = await request(app).get('/a').set('Accept-Encoding', 'br').set('If-None-Match', tags.gzip);
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');
  });
});
