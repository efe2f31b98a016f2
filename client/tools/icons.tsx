/** Small inline SVG icons (no icon font, nothing remote). 18×18, currentColor. */
const paths = {
  plus: 'M9 3v12M3 9h12',
  minus: 'M3 9h12',
  home: 'M3 9.5 9 4l6 5.5M5 8v6h3v-3.5h2V14h3V8',
  fullscreen: 'M3 7V3h4M11 3h4v4M15 11v4h-4M7 15H3v-4',
  ruler: 'M2.5 12.5 12.5 2.5l3 3-10 10zM5 10l1.5 1.5M7 8l1 1M9 6l1.5 1.5M11 4l1 1',
  area: 'M3 14 5 4l9 2 1 8zM3 14l12 0',
  layers: 'M9 2.5 16 6 9 9.5 2 6zM2 9.5 9 13l7-3.5M2 12.5 9 16l7-3.5',
  gear: 'M9 6.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6zM9 1.8v2M9 14.2v2M1.8 9h2M14.2 9h2M3.9 3.9l1.4 1.4M12.7 12.7l1.4 1.4M3.9 14.1l1.4-1.4M12.7 5.3l1.4-1.4',
  target: 'M9 4.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM9 1.5v3M9 13.5v3M1.5 9h3M13.5 9h3',
  more: 'M3.5 9a1 1 0 1 0 2 0a1 1 0 1 0-2 0M8 9a1 1 0 1 0 2 0a1 1 0 1 0-2 0M12.5 9a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
