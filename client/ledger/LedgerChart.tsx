import type { LedgerVersion } from '../../common/api/ledger.ts';

const W = 300;
const H = 140;
const PAD = { left: 56, right: 10, top: 12, bottom: 24 };

/**
 * Area over versions as a small inline SVG line chart (no chart library, no CDN): one point per
 * version, a decrease drawn red. The y axis starts near the smallest area, so small changes show.
 */
export function LedgerChart({ versions, title }: { versions: LedgerVersion[]; title: string }) {
  if (versions.length === 0) return null;
  const ha = versions.map((v) => v.areaM2 / 10_000);
  const min = Math.min(...ha);
  const max = Math.max(...ha);
  const span = max - min || Math.max(1, max * 0.01);
  const lo = min - span * 0.15;
  const hi = max + span * 0.15;
  const x = (i: number) => PAD.left + (versions.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (versions.length - 1));
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const path = ha.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="ledger-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="ledger-chart">
      <title>{title}</title>
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#999" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#999" />
      {[lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1].map((v) => (
        <text key={v} x={PAD.left - 4} y={y(v) + 3} textAnchor="end" fontSize="9" fill="#555">{v.toFixed(2)}</text>
      ))}
      <path d={path} fill="none" stroke="#1565c0" strokeWidth="2" />
      {versions.map((v, i) => (
        <g key={v.version} data-version={v.version} data-decreased={v.decreased}>
          <circle cx={x(i)} cy={y(ha[i])} r={v.decreased ? 5 : 3.5} fill={v.decreased ? '#c62828' : '#1565c0'} />
          <text x={x(i)} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="10" fill="#333">v{v.version}</text>
        </g>
      ))}
    </svg>
  );
}
