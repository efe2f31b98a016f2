/**
 * Styles of the report, scoped under .redline-report so the same markup prints from the app's page
 * (window.print) and from the server's Chromium (PDF). A4 portrait; tables repeat their header rows.
 */
export const VERDICT_COLOURS = {
  prohibited: '#c62828',
  conditional: '#ef6c00',
  notice: '#1565c0',
  clear: '#2e7d32',
  outside_coverage: '#7a8591',
} as const;

export const REPORT_CSS = `
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
.redline-report { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; font-size: 10pt; line-height: 1.5; max-width: 186mm; margin: 0 auto; background: #fff; }
.redline-report h1 { font-size: 17pt; margin: 0 0 2mm; }
.redline-report h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #d0d7de; break-after: avoid; }
.redline-report .rr-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; }
.redline-report .rr-verdict { flex: none; color: #fff; font-weight: 700; font-size: 12pt; padding: 1.5mm 4mm; border-radius: 2mm; }
.redline-report .rr-v-prohibited { background: ${VERDICT_COLOURS.prohibited}; }
.redline-report .rr-v-conditional { background: ${VERDICT_COLOURS.conditional}; }
.redline-report .rr-v-notice { background: ${VERDICT_COLOURS.notice}; }
.redline-report .rr-v-outside_coverage { background: ${VERDICT_COLOURS.outside_coverage}; }
.redline-report .rr-v-clear { background: ${VERDICT_COLOURS.clear}; }
.redline-report .rr-t-prohibited { color: ${VERDICT_COLOURS.prohibited}; font-weight: 700; }
.redline-report .rr-t-conditional { color: ${VERDICT_COLOURS.conditional}; font-weight: 700; }
.redline-report .rr-t-notice { color: ${VERDICT_COLOURS.notice}; font-weight: 700; }
.redline-report .rr-t-clear { color: ${VERDICT_COLOURS.clear}; font-weight: 700; }
.redline-report .rr-caveat { border: 1.5px solid #b26a00; background: #fff8e1; color: #6d4200; padding: 2mm 3mm; margin: 3mm 0; font-weight: 600; }
.redline-report .rr-note { color: #57606a; font-size: 8.5pt; }
.redline-report .rr-map { display: block; width: 100%; max-height: 105mm; object-fit: contain; border: 1px solid #d0d7de; }
.redline-report table { width: 100%; border-collapse: collapse; }
.redline-report thead { display: table-header-group; }
.redline-report tr { break-inside: avoid; }
.redline-report th, .redline-report td { border: 1px solid #d0d7de; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.redline-report th { background: #f3f4f6; font-weight: 600; }
.redline-report .rr-facts th { width: 42mm; }
.redline-report .rr-table { font-size: 8.5pt; }
.redline-report .rr-nowrap { white-space: nowrap; }
.redline-report .rr-table { table-layout: fixed; }
.redline-report .rr-table td { overflow-wrap: anywhere; }
.redline-report .rr-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.redline-report .rr-rules { padding-left: 5mm; margin: 0; }
.redline-report .rr-rules li { margin-bottom: 2.5mm; break-inside: avoid; }
.redline-report .rr-rule-head { font-weight: 600; }
.redline-report .rr-quote { color: #57606a; font-size: 9pt; margin: 0.5mm 0; }
.redline-report .rr-footer { margin-top: 6mm; border-top: 1px solid #d0d7de; padding-top: 2mm; }
.redline-report .rr-inline-list { margin: 0; padding-left: 5mm; }
@media print { .redline-report { max-width: none; } }
`;
