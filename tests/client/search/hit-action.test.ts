import { describe, expect, it } from 'vitest';
import { hitAction } from '../../../client/search/hit-action.ts';
import type { SearchHit } from '../../../client/search/search-api.ts';

const base = { bbox: [106.6, 26.4, 106.7, 26.5] as [number, number, number, number], centroid: [106.65, 26.45] as [number, number], geometry: { type: 'Point' as const, coordinates: [106.65, 26.45] } };

describe('choosing a search hit', () => {
  it('opens a project hit on its page (by id), and never switches on the pseudo layer `projects`', () => {
    const hit: SearchHit = { ...base, type: 'project', name: '某化工厂', layerId: 'projects', layerNameZh: '项目', layerNameEn: 'Project', kind: 'project', level: 'submitted', featureKey: '42', projectId: 42, layerVersion: 1, status: 'submitted', verdict: null };
    expect(hitAction(hit)).toEqual({ kind: 'open-project', projectId: 42 });
  });

  it('frames a feature hit with its own layer switched on', () => {
    const hit: SearchHit = { ...base, type: 'feature', name: '花溪水库', layerId: 'water_source', layerNameZh: '饮用水水源保护区', layerNameEn: 'Water sources', kind: 'water_source', level: 'grade1', featureKey: 'ws-1', layerVersion: 3, nameEn: null, township: null, matchedBy: 'name' };
    expect(hitAction(hit)).toEqual({ kind: 'frame-feature', layerId: 'water_source' });
  });

  it('frames a typed coordinate without switching on any layer (it has none)', () => {
    const hit: SearchHit = { ...base, type: 'coordinate', name: '106.65, 26.45', nameEn: '106.65, 26.45', crs: 'EPSG:4490', zone: null, township: null, geometry: base.geometry };
    expect(hitAction(hit)).toEqual({ kind: 'frame-place' });
  });
});
