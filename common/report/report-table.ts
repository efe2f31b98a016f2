import type { LayerResult } from '../api/check-result.ts';
import type { Verdict } from '../domain/verdict.ts';
import { hectaresFromM2, muFromM2, roundTo } from '../units/area-units.ts';
import type { ReportInput } from './report-input.ts';
import { label, type ReportLabelKey, type ReportLang } from './report-labels.ts';
import { citation, featureLabel, layerName, levelName, pick, verdictName } from './names.ts';

/**
 * The per-layer table of a report: one row per layer with a finding, then one per clear layer.
 * The same rows feed the printable page, the PDF, the CSV and the XLSX, so they always agree.
 * Numeric cells stay numbers (rounded to the reporting convention) so spreadsheets can sum them.
 */
interface TableColumn {
  key: string;
  label: string;
  /** Decimals of a numeric column; undefined for text. */
  decimals?: number;
}

export type TableCell = string | number | null;

interface TableRow {
  verdict: Verdict;
  cells: TableCell[];
  /** A layer of `clearLayers` (nothing within the screening distance), not a finding. */
  clearLayer?: boolean;
}

export interface ReportTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const COLUMNS: { key: string; label: ReportLabelKey; decimals?: number }[] = [
  { key: 'layer', label: 'colLayer' },
  { key: 'level', label: 'colLevel' },
  { key: 'verdict', label: 'colVerdict' },
  { key: 'relation', label: 'colRelation' },
  { key: 'overlapM2', label: 'colAreaM2', decimals: 2 },
  { key: 'overlapHa', label: 'colAreaHa', decimals: 4 },
  { key: 'overlapMu', label: 'colAreaMu', decimals: 2 },
  { key: 'overlapPct', label: 'colPct', decimals: 2 },
  { key: 'distanceM', label: 'colDistance', decimals: 1 },
  { key: 'features', label: 'colFeatures' },
  { key: 'basis', label: 'colBasis' },
  { key: 'procedure', label: 'colProcedure' },
];

const RELATION_LABEL: Record<LayerResult['relation'], ReportLabelKey> = {
  overlaps: 'relationOverlaps',
  touches: 'relationTouches',
  near: 'relationNear',
  outside: 'relationOutside',
};

function featureList(result: LayerResult, lang: ReportLang): string {
  const names = (result.features ?? []).map((f) => featureLabel(result.kind, f, lang));
  return [...new Set(names)].join(lang === 'zh' ? '；' : '; ');
}

function layerRow(result: LayerResult, input: ReportInput, lang: ReportLang): TableRow {
  const area = Number(result.overlapAreaM2) || 0;
  const rules = result.rules ?? [];
  const sep = lang === 'zh' ? '；' : '; ';
  return {
    verdict: result.verdict,
    cells: [
      layerName(result.layerId, result.kind, input.layers, lang),
      levelName(result.kind, result.level, lang),
      verdictName(result.verdict, lang),
      label(lang, RELATION_LABEL[result.relation] ?? 'relationOverlaps'),
      roundTo(area, 2),
      roundTo(hectaresFromM2(area), 4),
      roundTo(muFromM2(area), 2),
      roundTo(Number(result.overlapPct) || 0, 2),
      result.minDistanceM === null || result.minDistanceM === undefined ? null : roundTo(result.minDistanceM, 1),
      featureList(result, lang),
      [...new Set(rules.map((r) => citation(r.basis, lang)))].join(sep),
      rules.map((r) => pick(r.procedure, lang)).join(lang === 'zh' ? '\n' : '\n'),
    ],
  };
}

function clearRow(layerId: string, input: ReportInput, lang: ReportLang): TableRow {
  return {
    verdict: 'clear',
    clearLayer: true,
    cells: [layerName(layerId, undefined, input.layers, lang), '', verdictName('clear', lang), label(lang, 'relationOutside'), 0, 0, 0, 0, null, '', '', ''],
  };
}

export function reportTable(input: ReportInput, lang: ReportLang): ReportTable {
  return {
    columns: COLUMNS.map((c) => ({ key: c.key, label: label(lang, c.label), decimals: c.decimals })),
    rows: [
      ...input.result.results.map((r) => layerRow(r, input, lang)),
      ...input.result.clearLayers.map((id) => clearRow(id, input, lang)),
    ],
  };
}
