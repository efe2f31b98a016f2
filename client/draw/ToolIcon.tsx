import type { SiteTool } from './draw-modes.ts';

/** Inline SVG icons for the drawing tools and actions (no icon font, nothing remote). 18×18, currentColor. */
const PATHS = {
  select: 'M4 2.5v12l3.2-3 2.3 5 2-1-2.3-4.8 4.3-.2z',
  polygon: 'M9 2.5 15.5 7 13 15H5L2.5 7z',
  rectangle: 'M3 4.5h12v9H3z',
  circle: 'M9 3a6 6 0 1 0 0 12A6 6 0 0 0 9 3z',
  freehand: 'M2.5 12c2-5 4-6 5-3s2 4 4 0 3-4 4-2',
  linestring: 'M2.5 14.5 7 6l4 5 4.5-8',
  point: 'M9 5.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
  undo: 'M6 4 2.5 7.5 6 11M3 7.5h7.5a4.5 4.5 0 0 1 0 9H8',
  redo: 'M12 4l3.5 3.5L12 11M15 7.5H7.5a4.5 4.5 0 0 0 0 9H10',
  delete: 'M3.5 5h11M7 5V3h4v2M5 5l1 10.5h6L13 5M7.5 8v5M10.5 8v5',
} as const;

export type ToolIconName = SiteTool | 'undo' | 'redo' | 'delete';

export function ToolIcon({ name }: { name: ToolIconName }) {
  const filled = name === 'point' || name === 'select';
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
