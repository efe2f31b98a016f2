import { LAW } from '../../../common/domain/laws.ts';
import { allOf, always, fact, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/** 永久基本农田 (rules.md §6, §12 rows PBF): 《土地管理法》第三十五、三十七、四十四条. */

const land = (article: string, textZh: string, textEn: string): Basis => ({ law: LAW.landAdministration, article, textZh, textEn });

const ART35 = land(
  '第三十五条',
  '永久基本农田经依法划定后，任何单位和个人不得擅自占用或者改变其用途。国家能源、交通、水利、军事设施等重点建设项目选址确实难以避让永久基本农田，涉及农用地转用或者土地征收的，必须经国务院批准。',
  'Once designated, permanent basic farmland may not be occupied or repurposed without authorisation; key national energy, transport, water and military projects that truly cannot avoid it need State Council approval for conversion or expropriation.',
);

/** Project types that can be 重点建设项目 under 自然资规〔2018〕3号 (energy, transport, water, military). */
const ELIGIBLE_KEY_PROJECT = typeIs('linear_infrastructure', 'water_supply', 'flood_control', 'defense', 'energy_wind', 'energy_solar');

export const basicFarmlandRules: Rule[] = [
  {
    id: 'PBF-AGRICULTURE',
    kind: 'basic_farmland',
    when: typeIs('agriculture'),
    conditionText: { zh: '农业种植（粮食等农作物）', en: 'Agriculture (field crops)' },
    verdict: 'clear',
    procedure: {
      zh: '耕作不改变永久基本农田用途，无需审批；不得占用发展林果业、挖塘养鱼（第三十七条）。',
      en: 'Cultivation keeps the land use; no approval needed. Orchards, tree crops and fish ponds are not allowed (Art. 37).',
    },
    basis: ART35,
  },
  {
    id: 'PBF-BANNED-USES',
    kind: 'basic_farmland',
    when: typeIs('mining', 'residential', 'resident_livelihood'),
    conditionText: { zh: '采矿、采石、挖砂或建房（住宅、村民建房）', en: 'Mining, quarrying, sand extraction or housing (incl. villagers’ houses)' },
    verdict: 'prohibited',
    procedure: { zh: '禁止在耕地上建房、挖砂、采石、采矿，应调整选址。', en: 'Housing, sand extraction, quarrying and mining on farmland are banned: relocate.' },
    basis: land(
      '第三十七条',
      '禁止占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等。禁止占用永久基本农田发展林果业和挖塘养鱼。',
      'Kilns, graves, unauthorised houses, sand extraction, quarrying, mining and soil removal on cropland are banned; orchards and fish ponds on permanent basic farmland are banned.',
    ),
  },
  {
    id: 'PBF-KEY-PROJECT',
    kind: 'basic_farmland',
    when: allOf(ELIGIBLE_KEY_PROJECT, fact('nationalMajorProject'), fact('unavoidable')),
    conditionText: {
      zh: '国家能源、交通、水利、军事设施等重点建设项目，且确实难以避让',
      en: 'Key national energy, transport, water or military project that truly cannot avoid the farmland',
    },
    verdict: 'conditional',
    procedure: {
      zh: '须论证确实难以避让；永久基本农田转为建设用地由国务院批准；按《基本农田保护条例》第十五条补划数量相等、质量相当的永久基本农田，并落实耕地占补平衡。',
      en: 'Demonstrate that avoidance is impossible; conversion of permanent basic farmland needs State Council approval; designate replacement farmland of equal quantity and quality (Basic Farmland Regulation Art. 15) and balance cropland.',
    },
    basis: land('第三十五条、第四十四条', `${ART35.textZh}永久基本农田转为建设用地的，由国务院批准。`, `${ART35.textEn} Converting permanent basic farmland to construction land needs State Council approval.`),
  },
  {
    id: 'PBF-PROHIBITED',
    kind: 'basic_farmland',
    when: always,
    conditionText: { zh: '其他项目（含畜禽养殖、设施农业、工业、城镇建设）', en: 'Any other project (incl. livestock, facility farming, industry, urban)' },
    verdict: 'prohibited',
    procedure: { zh: '永久基本农田不得擅自占用或改变用途，应调整选址避让。', en: 'Permanent basic farmland may not be occupied or repurposed: relocate.' },
    basis: ART35,
  },
];
