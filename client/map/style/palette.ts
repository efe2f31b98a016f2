/**
 * The map's colours, in one place. Conventions a Chinese planner expects: the ecological red line in
 * red, water in blues (a darker blue = a stricter zone), protected nature in greens (darker = core),
 * farmland yellow-green, development boundaries dashed purple, environmental control units by class
 * (green = priority protection, orange-red = key control, pale slate blue = general, so it is not
 * taken for farmland).
 */
export const PALETTE = {
  background: '#f3f1ec',
  land: '#fbfaf6',
  contextLand: '#ebe7df',
  contextLine: '#b9b1a3',
  districtLine: '#6b5e4e',
  townshipLine: '#9a8f80',
  water: '#a9cfe8',
  waterLine: '#5b9bd0',
  river: '#6aa7d8',
  labelText: '#2e2a25',
  labelHalo: '#ffffff',
  waterLabel: '#2f6fa8',

  redline: '#d7191c',
  redlineFill: '#e8474a',

  waterGrade1: '#08519c',
  waterGrade2: '#3f8fd2',
  waterQuasi: '#a3cdee',
  waterSourceLine: '#0a3d75',

  reserveCore: '#1b6b34',
  reserveBuffer: '#4fa35d',
  reserveExperimental: '#a8d8a0',
  reserveLine: '#145227',

  wetland: '#5cc0c7',
  wetlandLine: '#238b95',
  scenic: '#e9b949',
  scenicCore: '#c98d12',
  scenicLine: '#94650a',

  ecoCore: '#7cc47a',
  ecoCoreLine: '#2e7d32',
  ecoScreen: '#9fbf7a',
  ecoScreenLine: '#5c7f34',
  corridor: '#43a55a',
  corridorLine: '#1f6e33',

  farmland: '#d4e86a',
  farmlandLine: '#97ad22',
  urbanBoundary: '#8e44ad',

  unitPriority: '#5fb86a',
  unitKey: '#f07b45',
  unitGeneral: '#b9c3e3',
  unitLine: '#8a8273',

  industrial: '#a3a0b4',
  industrialLine: '#5d5a70',

  highlight: '#ff9f1c',
  selection: '#00b3ff',
  measure: '#e4007f',
} as const;

/** The ecological red line hatch: 45° lines, shared by the map pattern and the legend swatch. */
export const HATCH = { size: 12, lineWidth: 2, color: PALETTE.redline } as const;
