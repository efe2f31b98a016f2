import type { Relation } from '../../../common/api/check-result.ts';
import type { EvaluationContext } from '../../../server/check/evaluate.ts';

/**
 * For every rule id: one case where the rule must fire and one near-miss where it must not.
 * A case names the project as the API receives it (parsed with parseProject), the levels of the
 * features involved and the relation; kind defaults to the rule's kind.
 * A new rule without an entry here fails rules.test.ts.
 */
export interface Case {
  project: Record<string, unknown>;
  levels?: (string | null)[];
  relation?: Relation;
  context?: EvaluationContext;
  kind?: string;
}

const p = (type: string, flags: Record<string, unknown> = {}) => ({ type, ...flags });
const at = (levels: (string | null)[], project: Record<string, unknown>, extra: Partial<Case> = {}): Case => ({ project, levels, ...extra });
const near = (levels: (string | null)[] = []): Case => ({ project: p('commercial'), levels, relation: 'near' });
const touches = (levels: (string | null)[] = []): Case => ({ project: p('commercial'), levels, relation: 'touches' });
const overlaps = (levels: (string | null)[] = []): Case => ({ project: p('commercial'), levels, relation: 'overlaps' });

const LEGACY = { layerLevels: ['core', 'buffer', 'experimental'] };
const NEW = { layerLevels: ['core', 'general'] };
const SMALL = { siteAreaM2: 10_000 };
const LARGE = { siteAreaM2: 100_000 };

export const RULE_FIXTURES: Record<string, { fires: Case; doesNotFire: Case }> = {
  // 生态保护红线
  'EPR-CORE-ALLOWED': { fires: at(['core'], p('research_monitoring')), doesNotFire: at(['core'], p('industrial')) },
  'EPR-CORE-NATIONAL-MAJOR': {
    fires: at(['core'], p('linear_infrastructure', { nationalMajorProject: true })),
    doesNotFire: at(['core'], p('linear_infrastructure')),
  },
  'EPR-CORE-PROHIBITED': { fires: at(['core'], p('residential')), doesNotFire: at(['core'], p('archaeology')) },
  'EPR-GEN-NATIONAL-MAJOR': { fires: at([], p('energy_wind', { nationalMajorProject: true })), doesNotFire: at([], p('energy_wind')) },
  'EPR-GEN-ITEM1': { fires: at([null], p('defense')), doesNotFire: at(['core'], p('defense')) },
  'EPR-GEN-ITEM2': { fires: at([], p('resident_livelihood')), doesNotFire: at([], p('resident_livelihood', { expandsFootprint: true })) },
  'EPR-GEN-ITEM3': { fires: at([], p('archaeology')), doesNotFire: at([], p('research_monitoring')) },
  'EPR-GEN-ITEM5': { fires: at([], p('tourism_facility')), doesNotFire: at([], p('tourism_resort')) },
  'EPR-GEN-ITEM6': { fires: at([], p('linear_infrastructure', { unavoidable: true })), doesNotFire: at([], p('linear_infrastructure')) },
  'EPR-GEN-ITEM7': { fires: at([], p('geological_survey')), doesNotFire: at([], p('mining')) },
  'EPR-GEN-ITEM8': {
    fires: at([], p('ecological_restoration')),
    doesNotFire: at([], p('ecological_restoration', { nationalMajorProject: true })),
  },
  'EPR-GEN-PROHIBITED': { fires: at([], p('industrial')), doesNotFire: at([], p('industrial', { nationalMajorProject: true })) },
  'EPR-NEW-LAND': {
    fires: at([], p('linear_infrastructure', { unavoidable: true })),
    doesNotFire: at([], p('linear_infrastructure', { unavoidable: true, temporary: true })),
  },
  'EPR-NEAR': { fires: near(), doesNotFire: touches() },
  'EPR-TOUCH': { fires: touches(), doesNotFire: near() },

  // 饮用水水源保护区
  'DWS1-OUTFALL': { fires: at(['grade1'], p('sewage_treatment')), doesNotFire: at(['grade1'], p('water_supply')) },
  'DWS1-WATER-SUPPLY': { fires: at(['grade1'], p('water_supply')), doesNotFire: at(['grade1'], p('water_supply', { outfall: true })) },
  'DWS1-PROHIBITED': {
    fires: at(['grade1'], p('industrial', { dischargesPollutants: true })),
    doesNotFire: at(['grade1'], p('water_supply')),
  },
  'DWS2-OUTFALL': {
    fires: at(['grade2'], p('industrial', { outfall: true })),
    doesNotFire: at(['grade2'], p('industrial', { dischargesPollutants: true })),
  },
  'DWS2-DISCHARGES': { fires: at(['grade2'], p('livestock')), doesNotFire: at(['grade2'], p('agriculture')) },
  'DWS2-TOURISM': {
    fires: at(['grade2'], p('tourism_facility')),
    doesNotFire: at(['grade2'], p('tourism_facility', { dischargesPollutants: true })),
  },
  'DWS2-NON-DISCHARGING': {
    fires: at(['grade2'], p('commercial')),
    doesNotFire: at(['grade2'], p('commercial', { dischargesPollutants: true })),
  },
  'DWSQ-SEVERE-POLLUTER': {
    fires: at(['quasi'], p('industrial', { severePolluter: true })),
    doesNotFire: at(['quasi'], p('industrial', { dischargesPollutants: true })),
  },
  'DWSQ-OUTFALL': { fires: at(['quasi'], p('sewage_treatment')), doesNotFire: at(['quasi'], p('industrial')) },
  'DWSQ-OTHER': { fires: at(['quasi'], p('industrial')), doesNotFire: at(['quasi'], p('industrial', { severePolluter: true })) },
  'DWS-NEAR': { fires: near(['grade1']), doesNotFire: overlaps(['quasi']) },
  'DWS-TOUCH': { fires: touches(['grade2']), doesNotFire: near(['grade2']) },

  // 自然保护区：旧三区
  'NR-LEGACY-CORE-RESEARCH': {
    fires: at(['core'], p('research_monitoring'), { context: LEGACY }),
    doesNotFire: at(['core'], p('research_monitoring')),
  },
  'NR-LEGACY-CORE-PROHIBITED': {
    fires: at(['core'], p('archaeology'), { context: LEGACY }),
    doesNotFire: at(['core'], p('research_monitoring'), { context: LEGACY }),
  },
  'NR-LEGACY-BUFFER-RESEARCH': { fires: at(['buffer'], p('research_monitoring')), doesNotFire: at(['buffer'], p('tourism_facility')) },
  'NR-LEGACY-BUFFER-PROHIBITED': { fires: at(['buffer'], p('tourism_facility')), doesNotFire: at(['buffer'], p('research_monitoring')) },
  'NR-LEGACY-EXP-BANNED-ACTS': { fires: at(['experimental'], p('mining')), doesNotFire: at(['experimental'], p('geological_survey')) },
  'NR-LEGACY-EXP-POLLUTING': {
    fires: at(['experimental'], p('industrial', { dischargesPollutants: true })),
    doesNotFire: at(['experimental'], p('industrial')),
  },
  'NR-LEGACY-EXP-TOURISM': { fires: at(['experimental'], p('tourism_resort')), doesNotFire: at(['experimental'], p('commercial')) },
  'NR-LEGACY-EXP-OTHER': { fires: at(['experimental'], p('commercial')), doesNotFire: at(['experimental'], p('tourism_resort')) },
  'NR-LEGACY-ZONING': { fires: at(['buffer'], p('commercial')), doesNotFire: at(['general'], p('commercial')) },
  // 自然保护区：2026年条例
  'NR-2026-CORE-ALLOWED': {
    fires: at(['core'], p('ecological_restoration'), { context: NEW }),
    doesNotFire: at(['core'], p('tourism_facility'), { context: NEW }),
  },
  'NR-2026-CORE-NATIONAL-MAJOR': {
    fires: at(['core'], p('linear_infrastructure', { nationalMajorProject: true }), { context: NEW }),
    doesNotFire: at(['core'], p('linear_infrastructure'), { context: NEW }),
  },
  'NR-2026-CORE-PROHIBITED': {
    fires: at(['core'], p('linear_infrastructure'), { context: NEW }),
    doesNotFire: at(['core'], p('research_monitoring'), { context: NEW }),
  },
  'NR-2026-GENERAL-DEVELOPMENT': {
    fires: at(['general'], p('industrial_park', { nationalMajorProject: true })),
    doesNotFire: at(['general'], p('linear_infrastructure', { nationalMajorProject: true })),
  },
  'NR-2026-GENERAL-NATIONAL-MAJOR': {
    fires: at(['general'], p('linear_infrastructure', { nationalMajorProject: true })),
    doesNotFire: at(['general'], p('linear_infrastructure', { unavoidable: true })),
  },
  'NR-2026-GENERAL-LIMITED': {
    fires: at(['general'], p('linear_infrastructure', { unavoidable: true })),
    doesNotFire: at(['general'], p('linear_infrastructure')),
  },
  'NR-2026-GENERAL-PROHIBITED': {
    fires: at(['general'], p('linear_infrastructure')),
    doesNotFire: at(['general'], p('linear_infrastructure', { unavoidable: true })),
  },
  'NR-NEAR': { fires: near(['core']), doesNotFire: touches(['core']) },
  'NR-TOUCH': { fires: touches(['experimental']), doesNotFire: near(['experimental']) },

  // 风景名胜区
  'SA-LANDSCAPE-DAMAGE': { fires: at([], p('mining')), doesNotFire: at([], p('geological_survey')) },
  'SA-DEVELOPMENT-ZONE': { fires: at([], p('industrial_park')), doesNotFire: at([], p('industrial')) },
  'SA-CORE-BUILDINGS': { fires: at(['core'], p('tourism_resort')), doesNotFire: at([], p('tourism_resort')) },
  'SA-CONSTRUCTION': { fires: at([], p('tourism_resort')), doesNotFire: at(['core'], p('tourism_resort')) },
  'SA-NEAR': { fires: near(), doesNotFire: overlaps() },
  'SA-TOUCH': { fires: touches(['core']), doesNotFire: overlaps(['core']) },

  // 湿地
  'WL-DESTRUCTIVE': { fires: at(['provincial'], p('mining')), doesNotFire: at(['provincial'], p('geological_survey')) },
  'WL-NATIONAL-EXCEPTION': { fires: at(['national'], p('flood_control')), doesNotFire: at(['national'], p('commercial')) },
  'WL-NATIONAL-PROHIBITED': { fires: at(['national'], p('commercial')), doesNotFire: at(['provincial'], p('commercial')) },
  'WL-TEMPORARY': {
    fires: at(['general'], p('linear_infrastructure', { temporary: true })),
    doesNotFire: at(['national'], p('linear_infrastructure', { temporary: true })),
  },
  'WL-OCCUPATION': { fires: at([], p('linear_infrastructure')), doesNotFire: at([], p('linear_infrastructure', { temporary: true })) },
  'WL-PARK-CONSERVATION-RESEARCH': {
    fires: at(['park_conservation'], p('research_monitoring')),
    doesNotFire: at(['park_conservation'], p('tourism_facility')),
  },
  'WL-PARK-CONSERVATION-PROHIBITED': {
    fires: at(['park_conservation'], p('tourism_facility')),
    doesNotFire: at(['park_conservation'], p('research_monitoring')),
  },

  // 永久基本农田
  'PBF-AGRICULTURE': { fires: at([], p('agriculture')), doesNotFire: at([], p('livestock')) },
  'PBF-BANNED-USES': { fires: at([], p('residential')), doesNotFire: at([], p('commercial')) },
  'PBF-KEY-PROJECT': {
    fires: at([], p('linear_infrastructure', { nationalMajorProject: true, unavoidable: true })),
    doesNotFire: at([], p('industrial', { nationalMajorProject: true, unavoidable: true })),
  },
  'PBF-PROHIBITED': { fires: at([], p('livestock')), doesNotFire: at([], p('agriculture')) },

  // 城镇开发边界
  'UDB-INSIDE': { fires: at(['inside'], p('residential')), doesNotFire: at(['outside'], p('residential')) },
  'UDB-OUTSIDE-SCATTERED': {
    fires: at(['outside'], p('public_service', { unavoidable: true }), { context: SMALL }),
    doesNotFire: at(['outside'], p('public_service', { unavoidable: true }), { context: LARGE }),
  },
  'UDB-OUTSIDE-URBAN': { fires: at(['outside'], p('residential')), doesNotFire: at(['inside'], p('residential')) },
  'UDB-OUTSIDE-INFRASTRUCTURE': { fires: at(['outside'], p('linear_infrastructure')), doesNotFire: at(['outside'], p('industrial')) },
  'UDB-OUTSIDE-SITE-SELECTION': { fires: at(['outside'], p('energy_solar')), doesNotFire: at(['outside'], p('linear_infrastructure')) },

  // 生态环境管控单元
  'ECU-PRIORITY': { fires: at(['priority'], p('agriculture')), doesNotFire: at(['key'], p('agriculture')) },
  'ECU-PRIORITY-HIGH': {
    fires: at(['priority'], p('mining')),
    doesNotFire: at(['priority'], p('residential'), { context: SMALL }),
  },
  'ECU-KEY-EMISSIONS': { fires: at(['key'], p('industrial')), doesNotFire: at(['key'], p('public_service')) },
  'ECU-KEY': { fires: at(['key'], p('public_service')), doesNotFire: at(['key'], p('industrial')) },
  'ECU-GENERAL': { fires: at(['general'], p('industrial')), doesNotFire: at(['priority'], p('industrial')) },

  // 生态安全格局
  'CORRIDOR-CONNECTIVITY': { fires: overlaps(), doesNotFire: near() },
  'CORRIDOR-SEVERED': {
    fires: at([], p('linear_infrastructure'), { context: { severed: true } }),
    doesNotFire: at([], p('linear_infrastructure'), { context: { severed: false } }),
  },
  'ECO-CORE-NOTICE': { fires: overlaps(), doesNotFire: near() },
  'ECO-SCREEN-NOTICE': { fires: overlaps(), doesNotFire: touches() },

  // 河湖
  'RIVER-CROSSING': { fires: at([], p('linear_infrastructure')), doesNotFire: at([], p('commercial')) },
  'RIVER-SAND-MINING': { fires: at([], p('mining')), doesNotFire: at([], p('linear_infrastructure')) },
  'RIVER-OTHER-WORKS': { fires: at([], p('commercial')), doesNotFire: at([], p('flood_control')) },
  'RIVER-OUTFALL': {
    fires: at([], p('sewage_treatment'), { relation: 'near' }),
    doesNotFire: at([], p('water_supply'), { relation: 'near' }),
  },
  'RIVER-NEAR': { fires: near(), doesNotFire: touches() },
  'RIVER-TOUCH': { fires: touches(), doesNotFire: overlaps() },

  // 规则库未覆盖
  'MANUAL-REVIEW': {
    fires: { project: p('industrial'), levels: [], relation: 'overlaps', kind: 'forest_park' },
    doesNotFire: { project: p('industrial'), levels: [], relation: 'near', kind: 'forest_park' },
  },
};
