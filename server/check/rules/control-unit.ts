import { ARTICLE_UNVERIFIED, LAW } from '../../../common/domain/laws.ts';
import { CITATIONS_CHECKED_ON, CHECK } from './citation.ts';
import { allOf, always, anyOf, codeIs, fact, largeSite } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 生态环境分区管控（“三线一单”）管控单元 (rules.md §8, §12 rows ECU). The units tile the whole
 * district, so a notice for every unit would make 无冲突 impossible anywhere. Product decision:
 * a priority unit is always a notice (HIGH for industry, parks, mining, large urban); a key unit
 * is a notice for polluting or production projects; otherwise the unit and its 准入清单 are
 * listed as information with the verdict 无冲突 (the result still names the unit and its rule).
 */

/** The national 意见: the three unit classes and the admission list; its article numbers were not seen. */
const BASIS: Basis = {
  instrument: 'controlUnits2024',
  check: CHECK.secondary('§8（2024年意见 [V] 存在及单元分类；准入清单四方面 [V]）'),
  law: LAW.controlUnits2024,
  article: ARTICLE_UNVERIFIED,
  textZh: '生态环境管控单元分为优先保护、重点管控和一般管控三类，每个单元制定生态环境准入清单（空间布局约束、污染物排放管控、环境风险防控、资源利用效率）。',
  textEn:
    'Control units are priority-protection, key-control or general-control, each with an admission list (spatial layout, emissions, environmental risk, resource efficiency).',
};

/**
 * "禁止或限制大规模、高强度的工业和城镇建设" is local, not national wording: it is the 贵阳市 三线一单
 * admission list's requirement for priority units, read as quoted in the 花溪区 plan (shared/seeds/000).
 */
const BASIS_GUIYANG: Basis = {
  instrument: 'guiyangControlUnits',
  check: {
    verified: false,
    source:
      '贵阳市方案及准入清单原文未见（shared/ 下无此文本）；该要求原文见《花溪区创建国家生态文明建设示范区建设规划（修编）（2021-2025年）》三、（三）1“强化‘三线一单’刚性约束”（shared/seeds/000，系转引贵阳市准入清单，规划期已届满）；《贵阳市“十四五”生态环境保护专项规划》（2021年9月，shared/seeds/001）载该方案已印发实施',
    checkedOn: CITATIONS_CHECKED_ON,
  },
  law: LAW.guiyangControlUnits,
  article: ARTICLE_UNVERIFIED,
  textZh: '优先保护单元应坚持生态环境保护优先原则，禁止或限制大规模、高强度的工业和城镇建设，确保生态功能不降低。',
  textEn: 'Priority-protection units put environmental protection first and ban or restrict large-scale, high-intensity industrial and urban construction, so that ecological functions do not decline.',
};

const CHECK_LIST = { zh: '核对所在管控单元的生态环境准入清单', en: 'Check the unit’s environmental admission list' };

export const controlUnitRules: Rule[] = [
  {
    id: 'ECU-PRIORITY',
    kind: 'control_unit',
    level: 'priority',
    when: always,
    conditionText: { zh: '位于优先保护单元', en: 'In a priority-protection unit' },
    verdict: 'notice',
    procedure: { zh: `${CHECK_LIST.zh}，以生态保护为主，限制开发建设。`, en: `${CHECK_LIST.en}; protection comes first and development is restricted.` },
    basis: BASIS,
  },
  {
    id: 'ECU-PRIORITY-HIGH',
    kind: 'control_unit',
    level: 'priority',
    additive: true,
    when: anyOf(codeIs('IND', 'PARK', 'MINE'), allOf(codeIs('URB'), largeSite)),
    conditionText: {
      zh: '优先保护单元内的工业（含能源）、园区、采矿或大规模（≥5 公顷或面积未知）城镇建设',
      en: 'Industry (incl. energy), parks, mining or large (≥ 5 ha or unknown area) urban construction in a priority unit',
    },
    verdict: 'notice',
    procedure: {
      zh: '【重点关注】贵阳市“三线一单”生态环境准入清单要求优先保护单元禁止或限制大规模、高强度的工业和城镇建设：须逐条核对准入清单的空间布局约束，并征询生态环境主管部门意见。',
      en: '[Close attention] The Guiyang admission list bans or restricts large, intensive industrial and urban construction in priority units: check the spatial-layout clauses line by line and consult the environment authority.',
    },
    basis: BASIS_GUIYANG,
  },
  {
    id: 'ECU-KEY-EMISSIONS',
    kind: 'control_unit',
    level: 'key',
    when: anyOf(fact('discharges'), fact('productionFacility'), codeIs('IND', 'PARK', 'MINE')),
    conditionText: { zh: '重点管控单元内排放污染物或属生产设施（工业、园区、采矿、能源、养殖）的项目', en: 'Polluting or production projects (industry, parks, mining, energy, livestock) in a key-control unit' },
    verdict: 'notice',
    procedure: { zh: `${CHECK_LIST.zh}，重点落实空间布局、污染物排放和环境风险管控要求。`, en: `${CHECK_LIST.en}, especially layout, emission and risk controls.` },
    basis: BASIS,
  },
  {
    id: 'ECU-KEY',
    kind: 'control_unit',
    level: 'key',
    when: always,
    conditionText: { zh: '重点管控单元内的其他项目（仅列出准入清单供参考）', en: 'Other projects in a key-control unit (admission list shown for information)' },
    verdict: 'clear',
    procedure: { zh: `${CHECK_LIST.zh}（供参考）。`, en: `${CHECK_LIST.en} (for information).` },
    basis: BASIS,
  },
  {
    id: 'ECU-GENERAL',
    kind: 'control_unit',
    level: 'general',
    when: always,
    conditionText: { zh: '位于一般管控单元（仅列出准入清单供参考）', en: 'In a general-control unit (admission list shown for information)' },
    verdict: 'clear',
    procedure: { zh: `${CHECK_LIST.zh}，落实生态环境保护基本要求。`, en: `${CHECK_LIST.en} and meet the basic environmental requirements.` },
    basis: BASIS,
  },
];
