import type { TFunction } from 'i18next';
import { formatHectares, formatLength, formatMu } from '../../common/units/area-units.ts';
import type { IdentifiedFeature } from './identify.ts';
import { levelLabel } from './level-label.ts';

export interface AttributeRow {
  key: string;
  label: string;
  value: string;
}

/** Attributes that are bookkeeping, shown elsewhere in the popup, or geometry. */
const HIDDEN = new Set(['key', 'id', 'name', 'level', 'areaM2', 'layerId', 'layerVersion', 'illustrative', 'centerline', 'version']);

/** Attributes measured in metres (shown with the unit). */
const METRES = /(M|Metres|Meters)$/;

function formatValue(t: TFunction, key: string, value: unknown, locale: string): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (METRES.test(key)) return formatLength(value, locale);
    return value.toLocaleString(locale, { maximumFractionDigits: 4 });
  }
  // A position [lon, lat] (a township's seat): degrees, not a list of numbers.
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number') && key === 'seat')
    return `${(value[0] as number).toFixed(4)}°E, ${(value[1] as number).toFixed(4)}°N`;
  if (Array.isArray(value)) return value.map((v) => formatValue(t, key, v, locale)).join('、');
  const text = String(value);
  // Enumerations (sourceType: reservoir, …) in words when we know them.
  return t(`values.${key}.${text}`, { defaultValue: text });
}

/**
 * The popup's attribute table in the UI language: name, level in words, area in 公顷 and 亩, the
 * layer-specific attributes with their Chinese labels, layer version and data source.
 */
export function featureAttributes(t: TFunction, feature: IdentifiedFeature, language: string): AttributeRow[] {
  const locale = language.startsWith('zh') ? 'zh-CN' : 'en';
  const { layer, properties } = feature;
  const rows: AttributeRow[] = [];
  if (feature.name) rows.push({ key: 'name', label: t('attributes.name'), value: feature.name });
  if (feature.level) rows.push({ key: 'level', label: t('attributes.level'), value: levelLabel(t, layer, feature.level, language) });
  const areaM2 = Number(properties.areaM2);
  if (Number.isFinite(areaM2) && areaM2 > 0) {
    rows.push({
      key: 'areaM2',
      label: t('attributes.area'),
      value: t('attributes.areaValue', { hectares: `${formatHectares(areaM2)} ${t('units.hectare')}`, mu: `${formatMu(areaM2)} ${t('units.mu')}` }),
    });
  }
  const zh = language.startsWith('zh');
  for (const [key, value] of Object.entries(properties)) {
    // Bilingual attributes (note / noteEn): the one in the UI language; the English name in English.
    const translated = key.endsWith('En') && key !== 'nameEn';
    if (zh ? key.endsWith('En') : !translated && key !== 'nameEn' && `${key}En` in properties) continue;
    if (HIDDEN.has(key) || value === null || value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value))) continue;
    const label = t(`attributes.${translated ? key.slice(0, -2) : key}`, { defaultValue: key });
    rows.push({ key, label, value: formatValue(t, key, value, locale) });
  }
  const version = properties.layerVersion ?? properties.version ?? layer.version;
  if (version !== null && version !== undefined) rows.push({ key: 'layerVersion', label: t('attributes.layerVersion'), value: `v${version}` });
  const source = zh ? layer.source.zh : layer.source.en;
  if (source) rows.push({ key: 'layerSource', label: t('attributes.layerSource'), value: source });
  return rows;
}
