import { describe, expect, it } from 'vitest';
import { formatPermalink, parsePermalink, permalinkLayers } from '../../../client/map/permalink.ts';

describe('permalink', () => {
  it('round-trips centre, zoom, basemap and layers', () => {
    const hash = formatPermalink({ center: [106.701234, 26.314567], zoom: 13.374, basemap: 'osm', layers: ['eco_redline', 'water_source'] });
    expect(hash).toBe('#map=13.37/26.31457/106.70123&base=osm&layers=eco_redline,water_source');
    expect(parsePermalink(hash)).toEqual({ zoom: 13.37, center: [106.70123, 26.31457], basemap: 'osm', layers: ['eco_redline', 'water_source'] });
  });

  it('keeps "no layers" apart from "default layers"', () => {
    expect(parsePermalink('#map=10/26.4/106.66&layers=').layers).toEqual([]);
    expect(parsePermalink('#map=10/26.4/106.66').layers).toBeUndefined();
  });

  it('ignores what it cannot trust', () => {
    expect(parsePermalink('#map=99/26.4/106.66')).toEqual({});
    expect(parsePermalink('#map=10/abc/106.66&base=<script>&layers=ok_id,Bad-Id,x;drop')).toEqual({ layers: ['ok_id'] });
    expect(parsePermalink('')).toEqual({});
  });
});

describe('permalink layers', () => {
  const catalog = ['eco_redline', 'water_source', 'river', 'township'];

  it('lists the visible catalog layers in catalog order, whatever order they were switched on in', () => {
    expect(permalinkLayers(new Set(['river', 'eco_redline']), catalog)).toEqual(['eco_redline', 'river']);
  });

  it('leaves out ids that are not layers of the catalog (the search’s `projects`, a removed layer)', () => {
    const hash = formatPermalink({ center: [106.66, 26.4], zoom: 12, basemap: 'offline', layers: permalinkLayers(new Set(['projects', 'water_source', 'gone_layer']), catalog) });
    expect(hash).toBe('#map=12.00/26.40000/106.66000&base=offline&layers=water_source');
  });

  it('keeps a shared link’s layers until the catalog has arrived', () => {
    expect(permalinkLayers(new Set(['water_source', 'eco_redline']), null)).toEqual(['eco_redline', 'water_source']);
  });
});
