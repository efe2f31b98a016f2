import { LAW, ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';
import { allOf, always, anyOf, codeIs, fact, largeSite } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 生态环境分区管控（“三线一单”）管控单元 (rules.md §8, §12 rows ECU). The units tile the whole
 * district, so a notice for every unit would make 无冲突 impossible anywhere. Product decision:
 * a priority unit is always a notice (HIGH for industry, parks, mining, large urban); a key unit
 * is a notice for polluting or production projects; otherwise the unit and its 准入清单 are
 * listed as information with the verdict 无冲突 (the result still names the unit and its rule).
 */

const BASIS: Basis = {
  law: LAW.controlUnits2024,
  article: ARTICLE_UNVERIFIED,
  textZh:
    '生态环境管控单元分为优先保护、重点管控和一般管控三类，每个单元制定生态环境准入清单（空间布局约束、污染物排放管控、环境风险防控、资源利用效率）。优先保护单元依法禁止或限制大规模、高强度的工业和城镇建设。',
  textEn:
    'Control units are priority-protection, key-control or general-control, each with an admission list (spatial layout, emissions, environmental risk, resource efficiency). Priority units ban or restrict large-scale, high-intensity industrial and urban construction.',
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
      zh: '【重点关注】优先保护单元依法禁止或限制大规模、高强度的工业和城镇建设：须逐条核对准入清单的空间布局约束，并征询生态环境主管部门意见。',
      en: '[Close attention] Priority units ban or restrict large, intensive industrial and urban construction: check the spatial-layout clauses line by line and consult the environment authority.',
    },
    basis: BASIS,
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
