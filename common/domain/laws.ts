/**
 * The instruments (laws, regulations, notices, local lists) the rules cite, each with its identity
 * (document number or revision year) and when it is in force, so that every rule spells a law the
 * same way and a lapsed instrument is never presented as current. Sources and verification tags:
 * shared/domain/rules.md (corrected 2026-12-02, issue 20).
 */
export interface Instrument {
  /** The title as cited, with book-title marks. */
  title: string;
  /** Document number or revision year: what tells this text from its predecessors. */
  identity: string;
  /** First day in force (ISO date); null when not known. */
  inForceFrom: string | null;
  /** Last day in force (ISO date); null while in force. */
  inForceUntil: string | null;
  /** Set when whether it is still in force could not be confirmed (e.g. a successor announced). */
  currencyNote?: { zh: string; en: string };
}

const instrument = (i: Instrument): Instrument => i;

export const INSTRUMENTS = {
  environmentalProtection: instrument({
    title: '《中华人民共和国环境保护法》',
    identity: '2014年修订',
    inForceFrom: '2015-01-01',
    inForceUntil: null,
  }),
  waterPollution: instrument({
    title: '《中华人民共和国水污染防治法》',
    identity: '2017年修正',
    inForceFrom: '2018-01-01',
    inForceUntil: null,
  }),
  water: instrument({ title: '《中华人民共和国水法》', identity: '2016年修正', inForceFrom: '2016-07-02', inForceUntil: null }),
  riverRegulation: instrument({
    title: '《中华人民共和国河道管理条例》',
    identity: '2018年修订（国务院令第698号）',
    inForceFrom: '2018-03-19',
    inForceUntil: null,
  }),
  landAdministration: instrument({
    title: '《中华人民共和国土地管理法》',
    identity: '2019年修正',
    inForceFrom: '2020-01-01',
    inForceUntil: null,
  }),
  basicFarmlandRegulation: instrument({
    title: '《基本农田保护条例》',
    identity: '国务院令第257号，2011年修订（国务院令第588号）',
    inForceFrom: '1999-01-01',
    inForceUntil: null,
  }),
  wetland: instrument({ title: '《中华人民共和国湿地保护法》', identity: '2021年通过', inForceFrom: '2022-06-01', inForceUntil: null }),
  /** The 2017 办法 ran to 2022-12-31: kept only so that the lapse is on record, never cited by a rule. */
  wetlandPark2017: instrument({
    title: '《国家湿地公园管理办法》（林湿发〔2017〕150号）',
    identity: '林湿发〔2017〕150号',
    inForceFrom: '2018-01-01',
    inForceUntil: '2022-12-31',
  }),
  wetlandPark2022: instrument({
    title: '《国家湿地公园管理办法》（林湿发〔2022〕3号）',
    identity: '林湿发〔2022〕3号（文号据公开报道，待核实）',
    inForceFrom: '2023-01-01',
    inForceUntil: null,
    currencyNote: {
      zh: '现行文本及其是否已被《国家级自然公园管理办法（试行）》取代，均未见官方原文，待核实。',
      en: 'Neither its official text nor whether the 国家级自然公园管理办法（试行） has replaced it could be read: to be confirmed.',
    },
  }),
  scenicArea: instrument({
    title: '《风景名胜区条例》',
    identity: '国务院令第474号，2016年修订（国务院令第666号）',
    inForceFrom: '2016-02-06',
    inForceUntil: null,
  }),
  natureReserve2017: instrument({
    title: '《中华人民共和国自然保护区条例》（2017年修订）',
    identity: '2017年修订（国务院令第687号）',
    inForceFrom: '2017-10-07',
    inForceUntil: '2026-03-14',
  }),
  natureReserve2026: instrument({
    title: '《中华人民共和国自然保护区条例》（2026年修订，国务院令第830号）',
    identity: '2026年修订（国务院令第830号）',
    inForceFrom: '2026-03-15',
    inForceUntil: null,
  }),
  nationalPark: instrument({
    title: '《国家公园管理暂行办法》',
    identity: '国家林业和草原局2022年印发',
    inForceFrom: '2022-06-01',
    inForceUntil: null,
  }),
  redLine142: instrument({
    title: '《自然资源部 生态环境部 国家林业和草原局关于加强生态保护红线管理的通知（试行）》（自然资发〔2022〕142号）',
    identity: '自然资发〔2022〕142号',
    inForceFrom: '2022-08-16',
    inForceUntil: null,
  }),
  threeControlLines: instrument({
    title: '《关于在国土空间规划中统筹划定落实三条控制线的指导意见》（厅字〔2019〕48号）',
    identity: '厅字〔2019〕48号',
    inForceFrom: '2019-10-14',
    inForceUntil: null,
  }),
  spatialPlanningSystem: instrument({
    title: '《中共中央 国务院关于建立国土空间规划体系并监督实施的若干意见》（中发〔2019〕18号）',
    identity: '中发〔2019〕18号',
    inForceFrom: '2019-05-09',
    inForceUntil: null,
  }),
  urbanBoundary193: instrument({
    title: '《自然资源部关于做好城镇开发边界管理的通知（试行）》（自然资发〔2023〕193号）',
    identity: '自然资发〔2023〕193号',
    inForceFrom: '2023-10-08',
    inForceUntil: null,
    currencyNote: {
      zh: '自然资源部2026年2月28日公布《城镇开发边界管理办法（试行）》，193号是否被取代待核实（仅见新闻报道）。',
      en: 'MNR announced the 城镇开发边界管理办法（试行） on 2026-02-28; whether it replaces No. 193 is unconfirmed (news reports only).',
    },
  }),
  controlUnits2024: instrument({
    title: '《中共中央办公厅 国务院办公厅关于加强生态环境分区管控的意见》',
    identity: '2024年3月6日印发',
    inForceFrom: '2024-03-06',
    inForceUntil: null,
  }),
  guiyangControlUnits: instrument({
    title: '《贵阳市“三线一单”生态环境分区管控实施方案》及生态环境准入清单',
    identity: '贵阳市人民政府印发（文号待核实）',
    inForceFrom: null,
    inForceUntil: null,
    currencyNote: {
      zh: '方案原文及文号未见；其存在与“优先保护单元禁止或限制大规模、高强度的工业和城镇建设”的要求见于区、市规划文本，现行版本待核实。',
      en: 'The plan itself and its number were not seen; its existence and the priority-unit requirement are quoted in district and city plans; the current version is to be confirmed.',
    },
  }),
} as const satisfies Record<string, Instrument>;

export type InstrumentKey = keyof typeof INSTRUMENTS;

/** Titles only, for code that just spells a law. */
export const LAW = Object.fromEntries(Object.entries(INSTRUMENTS).map(([k, v]) => [k, v.title])) as { [K in InstrumentKey]: string };

/** Placeholder for an article number that could not be seen in an official text: shown, never hidden. */
export const ARTICLE_UNVERIFIED = '（条款号待核实）';

/** Whether an instrument is in force on a day: a lapsed one is never presented as current. */
export const IN_FORCE = ['in_force', 'lapsed', 'not_yet', 'unconfirmed'] as const;
export type InForce = (typeof IN_FORCE)[number];

export function inForceOn(i: Pick<Instrument, 'inForceFrom' | 'inForceUntil' | 'currencyNote'>, isoDate: string): InForce {
  const day = isoDate.slice(0, 10);
  if (i.inForceUntil && day > i.inForceUntil) return 'lapsed';
  if (i.inForceFrom && day < i.inForceFrom) return 'not_yet';
  if (i.currencyNote || !i.inForceFrom) return 'unconfirmed';
  return 'in_force';
}

export const IN_FORCE_LABELS: Record<InForce, { zh: string; en: string }> = {
  in_force: { zh: '现行有效', en: 'In force' },
  lapsed: { zh: '已失效', en: 'Lapsed' },
  not_yet: { zh: '尚未施行', en: 'Not yet in force' },
  unconfirmed: { zh: '效力待核实', en: 'Currency unconfirmed' },
};
