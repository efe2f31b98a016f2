import { describe, expect, it } from 'vitest';
import type { CheckResult, LayerResult } from '../../../common/api/check-result.ts';
import { verdictChanges } from '../../../client/projects/verdict-diff.ts';

const layer = (layerId: string, verdict: LayerResult['verdict'], kind = layerId): LayerResult =>
  ({ layerId, kind, level: null, verdict, relation: 'overlaps', overlapAreaM2: 1, overlapPct: 1, minDistanceM: 0, features: [], rules: [], overlap: null }) as LayerResult;
const run = (...results: LayerResult[]) => ({ verdict: 'clear', results, clearLayers: [] }) as unknown as CheckResult;

describe('verdict changes between two check runs', () => {
  it('lists changed, new and resolved layers, most severe first, and leaves unchanged ones out', () => {
    const before = run(layer('water_source', 'prohibited'), layer('eco_redline', 'conditional'), layer('control_unit', 'notice'));
    const after = run(layer('eco_redline', 'notice'), layer('control_unit', 'notice'), layer('urban_boundary', 'conditional'));
    expect(verdictChanges(before, after)).toEqual([
      { layerId: 'water_source', kind: 'water_source', from: 'prohibited', to: null },
      { layerId: 'eco_redline', kind: 'eco_redline', from: 'conditional', to: 'notice' },
      { layerId: 'urban_boundary', kind: 'urban_boundary', from: null, to: 'conditional' },
    ]);
  });

  it('is empty for two runs with the same verdicts', () => {
    const a = run(layer('wetland', 'conditional'));
    expect(verdictChanges(a, run(layer('wetland', 'conditional')))).toEqual([]);
  });
});
