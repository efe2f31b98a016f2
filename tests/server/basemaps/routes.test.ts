import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapsRouter } from '../../../server/basemaps/routes.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';

const silent = { error: () => {} };
const appWith = (config: Parameters<typeof basemapsRouter>[0]) => express().use(basemapsRouter(config)).use(errorMiddleware(silent));

// A stand-in for 天地图 that records the URLs it was asked for.
const asked: string[] = [];
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
let upstream: http.Server;
let upstreamUrl: string;
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/{layer}_w/{z}/{x}/{y}?tk={key}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

describe('天地图 with the server key', () => {
  it('says whether the server has a key, without the key', async () => {
    const withKey = await request(appWith({ tiandituKey: 'secret-key-123' })).get('/api/config/basemaps').expect(200);
    expect(withKey.body.tianditu).toEqual({ serverKey: true, tiles: '/tiles/basemap/tianditu/{layer}/{z}/{x}/{y}', layers: ['vec', 'cva', 'img', 'cia'] });
    expect(JSON.stringify(withKey.body)).not.toContain('secret-key-123');
    const without = await request(appWith({})).get('/api/config/basemaps').expect(200);
    expect(without.body.tianditu).toMatchObject({ serverKey: false, tiles: null });
  });

  it('lists the online basemaps the browser may load directly (ONLINE_BASEMAPS), none by default', async () => {
    expect((await request(appWith({})).get('/api/config/basemaps').expect(200)).body.online).toEqual([]);
    expect((await request(appWith({ onlineBasemaps: ['osm'] })).get('/api/config/basemaps').expect(200)).body.online).toEqual(['osm']);
  });

  it('proxies tiles with the server key, and only sane tile addresses', async () => {
    const app = appWith({ tiandituKey: 'secret-key-123', tiandituUpstream: upstreamUrl });
    const tile = await request(app).get('/tiles/basemap/tianditu/img/3/6/3').expect(200).expect('Content-Type', /image\/png/);
    expect(Buffer.from(tile.body).subarray(0, 8)).toEqual(PNG);
    expect(asked.at(-1)).toBe('/img_w/3/6/3?tk=secret-key-123');
    await request(app).get('/tiles/basemap/tianditu/img/3/8/0').expect(400); // x beyond 2^z
    await request(app).get('/tiles/basemap/tianditu/xyz/3/1/1').expect(400);
    await request(app).get('/tiles/basemap/tianditu/img/30/1/1').expect(400);
    const noKey = await request(appWith({})).get('/tiles/basemap/tianditu/img/3/6/3').expect(404);
    expect(noKey.body.error.code).toBe('NO_TIANDITU_KEY');
  });

  it('answers 502, not a hang or a 500, when 天地图 cannot be reached', async () => {
    const res = await request(appWith({ tiandituKey: 'k', tiandituUpstream: 'http://127.0.0.1:9/{layer}/{z}/{x}/{y}' })).get('/tiles/basemap/tianditu/vec/1/0/0');
    expect(res.status).toBe(502);
    expect(res.body.error.message.zh).toContain('天地图');
  });
});
