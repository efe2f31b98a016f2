import { useId } from 'react';
import { HATCH } from '../map/style/palette.ts';
import type { GeometryKind, Symbol } from '../map/style/style-types.ts';

const W = 28;
const H = 18;

/**
 * A legend swatch drawn from the same Symbol the map layer is built from: fill colour and
 * opacity, outline colour, width and dash, the red-line hatch (same spacing, width, angle and
 * colour as the map pattern), corridor bands with their centre line, and point markers.
 */
export function LegendSwatch({ symbol, geometry }: { symbol: Symbol; geometry: GeometryKind }) {
  const patternId = `hatch-${useId().replace(/:/g, '')}`;
  const lineWidth = Math.min(symbol.lineWidth ?? 1, 2.5);
  const dash = symbol.dash?.map((d) => d * lineWidth).join(' ');
  return (
    <svg className="legend-swatch" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {symbol.hatch && (
        <defs>
          <pattern id={patternId} width={HATCH.size} height={HATCH.size} patternUnits="userSpaceOnUse">
            <path
              d={`M0,${HATCH.size} L${HATCH.size},0 M-2,2 L2,-2 M${HATCH.size - 2},${HATCH.size + 2} L${HATCH.size + 2},${HATCH.size - 2}`}
              stroke={HATCH.color}
              strokeWidth={HATCH.lineWidth}
            />
          </pattern>
        </defs>
      )}
      {geometry === 'polygon' && (
        <>
          <rect x={1} y={1} width={W - 2} height={H - 2} fill={symbol.fill ?? 'none'} fillOpacity={symbol.fill ? (symbol.fillOpacity ?? 0.4) : 0} />
          {symbol.hatch && <rect x={1} y={1} width={W - 2} height={H - 2} fill={`url(#${patternId})`} />}
          {symbol.centerline && (
            <line x1={1} y1={H / 2} x2={W - 1} y2={H / 2} stroke={symbol.centerline.color} strokeWidth={symbol.centerline.width} strokeDasharray={symbol.centerline.dash.map((d) => d * symbol.centerline!.width).join(' ')} />
          )}
          {symbol.line && (
            <rect x={1} y={1} width={W - 2} height={H - 2} fill="none" stroke={symbol.line} strokeOpacity={symbol.lineOpacity ?? 1} strokeWidth={lineWidth} strokeDasharray={dash} />
          )}
        </>
      )}
      {geometry === 'line' && symbol.line && (
        <path d={`M2,${H - 5} C9,${H - 5} 10,5 17,5 S24,${H / 2} ${W - 2},${H / 2}`} fill="none" stroke={symbol.line} strokeWidth={Math.max(lineWidth, 1.5)} strokeDasharray={dash} strokeLinecap="round" />
      )}
      {geometry === 'point' && symbol.circle && (
        <circle cx={W / 2} cy={H / 2} r={symbol.circle.radius + 1} fill={symbol.circle.color} stroke={symbol.circle.stroke} strokeWidth={symbol.circle.strokeWidth} />
      )}
    </svg>
  );
}
