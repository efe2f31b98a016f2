import { formatNumber } from '../units/area-units.ts';
import type { ReportModel } from './report-model.ts';
import { label } from './report-labels.ts';
import { REPORT_CSS } from './report-styles.ts';
import { reviewSectionHtml } from './review-section.ts';

/**
 * The report as HTML. Pure string building with every value escaped, so the app can show it in the
 * page (and print it) and the server can hand the very same markup to Chromium for the PDF.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const multiline = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** The HTML report table drops the procedure column (the rules section lists procedures in full). */
const HTML_COLUMNS = ['layer', 'level', 'verdict', 'relation', 'overlap', 'overlapPct', 'distanceM', 'features', 'basis'];

/** 界址点坐标表: point number, ring, X, Y to the millimetre, and the CRS named above it. */
function boundaryPointsHtml(model: ReportModel): string {
  const t = model.boundaryPoints;
  if (!t) return '';
  const rows = t.rows
    .map((r) => `<tr><td>${escapeHtml(r.no)}</td><td class="rr-num">${r.ring}</td><td class="rr-num">${r.x.toFixed(3)}</td><td class="rr-num">${r.y.toFixed(3)}</td></tr>`)
    .join('');
  const more = t.truncated ? `<p class="rr-note">${escapeHtml(label(model.lang, 'boundaryTruncated', { n: String(t.rows.length) }))}</p>` : '';
  return `<p class="rr-note">${escapeHtml(t.crsLabel)}</p><table class="rr-table rr-points"><thead><tr><th>${escapeHtml(label(model.lang, 'pointNo'))}</th><th>${escapeHtml(label(model.lang, 'ringNo'))}</th><th>X</th><th>Y</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

function layerTableHtml(model: ReportModel): string {
  const { columns, rows } = model.table;
  const index = (key: string) => columns.findIndex((c) => c.key === key);
  const text = (row: (typeof rows)[number], key: string) => row.cells[index(key)];
  const num = (value: unknown, digits: number) => (typeof value === 'number' ? formatNumber(value, digits) : '—');
  const unit = model.lang === 'zh' ? { ha: '公顷', mu: '亩' } : { ha: 'ha', mu: 'mu' };
  const head = HTML_COLUMNS.map((key) => {
    if (key === 'overlap') return `<th>${escapeHtml(label(model.lang, 'colArea'))}</th>`;
    return `<th>${escapeHtml(columns[index(key)].label)}</th>`;
  }).join('');
  // Clear layers get their own list below; the table keeps the findings.
  const body = rows.filter((row) => !row.clearLayer).map((row) => {
    const cells = HTML_COLUMNS.map((key) => {
      switch (key) {
        case 'verdict':
          return `<td class="rr-t-${row.verdict} rr-nowrap">${escapeHtml(text(row, key))}</td>`;
        case 'relation':
          return `<td class="rr-nowrap">${escapeHtml(text(row, key))}</td>`;
        case 'overlap':
          if (!(Number(text(row, 'overlapM2')) > 0)) return '<td class="rr-num">—</td>';
          return `<td class="rr-num">${num(text(row, 'overlapM2'), 2)} m²<br>${num(text(row, 'overlapHa'), 4)} ${unit.ha}<br>${num(text(row, 'overlapMu'), 2)} ${unit.mu}</td>`;
        case 'overlapPct':
          return `<td class="rr-num">${Number(text(row, 'overlapM2')) > 0 ? num(text(row, key), 2) : '—'}</td>`;
        case 'distanceM':
          return `<td class="rr-num">${num(text(row, key), 1)}</td>`;
        default:
          return `<td>${multiline(String(text(row, key) ?? ''))}</td>`;
      }
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const widths = [13, 11, 11, 7, 13, 7, 7, 16, 15].map((w) => `<col style="width:${w}%">`).join('');
  if (body.length === 0) return `<p>${escapeHtml(label(model.lang, 'none'))}</p>`;
  return `<table class="rr-table"><colgroup>${widths}</colgroup><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function rulesHtml(model: ReportModel): string {
  if (model.rules.length === 0) return `<p>${escapeHtml(label(model.lang, 'none'))}</p>`;
  const items = model.rules.map(
    (r) => `<li><div class="rr-rule-head"><span class="rr-t-${r.verdict}">${escapeHtml(r.verdictLabel)}</span> · ${escapeHtml(r.citation)} · ${escapeHtml(r.layers)}</div>
<div class="rr-quote">${escapeHtml(r.text)}</div><div>${escapeHtml(r.procedure)}</div></li>`,
  );
  return `<ol class="rr-rules">${items.join('')}</ol>`;
}

/** 穿越段: the stretches of a linear site's centre line in prohibited zones, per layer. */
function crossingsHtml(model: ReportModel): string {
  if (model.crossings.length === 0) return '';
  const l = (key: Parameters<typeof label>[1]) => escapeHtml(label(model.lang, key));
  const rows = model.crossings.map((c) => `<tr><td>${escapeHtml(c.layer)}</td><td>${escapeHtml(c.chainage)}</td><td class="rr-num">${escapeHtml(c.length)}</td></tr>`);
  return `<table class="rr-table rr-crossings"><thead><tr><th>${l('crossingLayer')}</th><th>${l('crossingChainage')}</th><th>${l('crossingLength')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;

/** The report's root element (no <html>/<head>): what the app renders in its print view. */
export function renderReportBody(model: ReportModel): string {
  const l = (key: Parameters<typeof label>[1]) => label(model.lang, key);
  const facts = model.facts.map((f) => `<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('');
  const map = model.mapImage
    ? `<img class="rr-map" alt="${escapeHtml(l('mapSnapshot'))}" src="${escapeHtml(model.mapImage)}">`
    : `<p class="rr-note">${escapeHtml(l('noMap'))}</p>`;
  const colon = model.lang === 'zh' ? '：' : ': ';
  const versions = model.layerVersions
    .map((v) => `<li>${escapeHtml(v.name)}${colon}${escapeHtml(v.version)}${v.illustrative ? (model.lang === 'zh' ? `（${escapeHtml(l('illustrative'))}）` : ` (${escapeHtml(l('illustrative'))})`) : ''}</li>`)
    .join('');
  return `<div class="redline-report" lang="${model.lang === 'zh' ? 'zh-CN' : 'en'}">
<header class="rr-header"><h1>${escapeHtml(model.title)}</h1>
<div class="rr-number" data-report-number="${escapeHtml(model.reportNumber)}">${escapeHtml(l('reportNumber'))}${colon}${escapeHtml(model.reportNumber)}</div>
<div class="rr-verdict rr-v-${model.verdict}">${escapeHtml(l('overallVerdict'))}${colon}${escapeHtml(model.verdictLabel)}</div></header>
${model.caveat ? `<p class="rr-caveat">${escapeHtml(model.caveat)}</p>` : ''}
${section(l('mapSnapshot'), map)}
${section(l('siteFacts'), `<table class="rr-facts"><tbody>${facts}</tbody></table>`)}
${model.boundaryPoints ? section(l('boundaryPoints'), boundaryPointsHtml(model)) : ''}
${section(l('layerTable'), layerTableHtml(model))}
${model.clearLayers.length ? section(l('clearLayers'), `<p>${escapeHtml(model.clearLayers.join(model.lang === 'zh' ? '、' : ', '))}</p>`) : ''}
${model.avoidance ? section(l('avoidance'), `<p>${escapeHtml(model.avoidance)}</p>${crossingsHtml(model)}`) : ''}
${section(l('citedRules'), rulesHtml(model))}
${model.warnings.length ? section(l('warnings'), `<ul class="rr-inline-list">${model.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`) : ''}
${section(l('layerVersions'), `<ul class="rr-inline-list">${versions}</ul>`)}
${model.review ? reviewSectionHtml(model.review, escapeHtml) : ''}
<footer class="rr-footer"><div>${escapeHtml(l('checkedAt'))}${colon}${escapeHtml(model.checkedAt)}</div>
<div>${escapeHtml(l('generatedAt'))}${colon}${escapeHtml(model.generatedAt)}</div>
${model.signature ? `<p class="rr-signature">${escapeHtml(l('signature'))}</p>` : ''}
<p class="rr-note">${escapeHtml(l('screeningNote'))}</p></footer>
</div>`;
}

/** A complete document for Chromium's PDF printer. */
export function renderReportDocument(model: ReportModel): string {
  return `<!doctype html><html lang="${model.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<title>${escapeHtml(model.title)}</title><style>${REPORT_CSS}</style></head>
<body style="margin:0">${renderReportBody(model)}</body></html>`;
}
