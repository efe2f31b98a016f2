import { LAW, ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';
import { NO_LEVEL } from '../../../common/domain/layer-kinds.ts';
import { allOf, always, anyOf, fact, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 湿地 (rules.md §5, §12 rows WL-*). Levels: `national` 国家重要湿地, `provincial` 省级重要湿地,
 * `general` 一般湿地, `park_conservation` 湿地公园保育区; a wetland without a level counts as general.
 */

const art = (article: string, textZh: string, textEn: string): Basis => ({ law: LAW.wetland, article, textZh, textEn });

const ART19 = art(
  '第十九条',
  '国家严格控制占用湿地。禁止占用国家重要湿地，国家重大项目、防灾减灾项目、重要水利及保护设施项目、湿地保护项目等除外。建设项目选址、选线应当避让湿地，无法避让的应当尽量减少占用，并采取必要措施减轻对湿地生态功能的不利影响。',
  'Occupying wetland is strictly controlled; national important wetlands may not be occupied except by national major, disaster-prevention, important water and protection, or wetland-protection projects. Sites and routes must avoid wetlands or minimise occupation and mitigate impacts.',
);
const ART20 = art(
  '第二十条',
  '建设项目确需临时占用湿地的，应当依法办理；临时占用湿地的期限一般不得超过二年，并不得在临时占用的湿地上修建永久性建筑物。临时占用期满后一年内，用地单位或者个人应当恢复湿地面积和生态条件。',
  'Temporary occupation follows the land laws, normally for at most two years, with no permanent structures; the wetland is restored within a year after.',
);
const ART28 = art(
  '第二十八条',
  '禁止下列破坏湿地及其生态功能的行为：开（围）垦、排干自然湿地，永久性截断自然湿地水源；擅自填埋自然湿地，擅自采砂、采矿、取土；排放不符合标准的废水、污水，倾倒固体废物；过度放牧、过度捕捞等。',
  'Banned: reclaiming or draining natural wetland, permanently cutting its water; unauthorised infill, sand extraction, mining or soil removal; non-compliant discharges and dumping; overgrazing and overfishing.',
);

const OCCUPATION_PROCEDURE = {
  zh: '选址应避让湿地，无法避让的尽量减少占用；规划选址审批时征求县级以上地方人民政府授权部门意见；经批准占用省级重要湿地的，须恢复或重建相当的湿地，或缴纳湿地恢复费（第二十一条）。',
  en: 'Avoid the wetland or minimise occupation; the siting approval needs the opinion of the department authorised by the local government; occupying a provincially important wetland requires restoring an equivalent wetland or paying the restoration fee (Art. 21).',
};

const LOCAL_LEVELS = ['provincial', 'general', NO_LEVEL];

export const wetlandRules: Rule[] = [
  {
    id: 'WL-DESTRUCTIVE',
    kind: 'wetland',
    when: anyOf(typeIs('mining'), allOf(typeIs('agriculture'), fact('expandsFootprint'))),
    conditionText: { zh: '采砂采矿取土，或开（围）垦湿地', en: 'Sand extraction, mining or soil removal, or reclaiming wetland' },
    verdict: 'prohibited',
    procedure: { zh: '湿地内禁止开（围）垦、填埋、采砂、采矿，应调整选址。', en: 'Reclamation, infill, sand extraction and mining are banned in wetlands: relocate.' },
    basis: ART28,
  },
  {
    id: 'WL-NATIONAL-EXCEPTION',
    kind: 'wetland',
    level: 'national',
    when: anyOf(fact('nationalMajorProject'), typeIs('flood_control', 'water_supply', 'ecological_restoration')),
    conditionText: { zh: '国家重大项目、防灾减灾、重要水利及保护设施或湿地保护项目', en: 'National major, disaster-prevention, important water or wetland-protection project' },
    verdict: 'conditional',
    procedure: {
      zh: '规划选址、选线审批或核准时须征求国务院林业草原主管部门意见；经批准占用的须恢复或重建相当的湿地，或缴纳湿地恢复费（第二十一条，防洪等水工程除外）。',
      en: 'The siting approval needs the opinion of the national forestry and grassland authority; after approval, restore an equivalent wetland or pay the restoration fee (Art. 21; flood and other water works exempt).',
    },
    basis: ART19,
  },
  {
    id: 'WL-NATIONAL-PROHIBITED',
    kind: 'wetland',
    level: 'national',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '禁止占用国家重要湿地，应调整选址。', en: 'National important wetlands may not be occupied: relocate.' },
    basis: ART19,
  },
  {
    id: 'WL-TEMPORARY',
    kind: 'wetland',
    level: LOCAL_LEVELS,
    when: fact('temporary'),
    conditionText: { zh: '临时占用（不超过两年）', en: 'Temporary occupation (at most two years)' },
    verdict: 'conditional',
    procedure: { zh: '依法办理临时用地，期限一般不超过二年，不得修建永久性建筑物，期满一年内恢复湿地。', en: 'Temporary-use permit, normally at most two years, no permanent structures, restore within a year after.' },
    basis: ART20,
  },
  {
    id: 'WL-OCCUPATION',
    kind: 'wetland',
    level: LOCAL_LEVELS,
    when: always,
    conditionText: { zh: '其他占用省级重要湿地或一般湿地的项目', en: 'Any other project occupying a provincial or ordinary wetland' },
    verdict: 'conditional',
    procedure: OCCUPATION_PROCEDURE,
    basis: ART19,
  },
  {
    id: 'WL-PARK-CONSERVATION-RESEARCH',
    kind: 'wetland',
    level: 'park_conservation',
    when: typeIs('research_monitoring'),
    conditionText: { zh: '保护、监测、科学研究', en: 'Protection, monitoring or research' },
    verdict: 'conditional',
    procedure: { zh: '限保护、监测、科研等必需的保护管理活动，须经湿地公园管理机构同意。', en: 'Only necessary protection, monitoring and research, with the wetland-park agency’s consent.' },
    basis: {
      law: LAW.wetlandPark,
      article: ARTICLE_UNVERIFIED,
      textZh: '国家湿地公园应划定保育区。保育区除开展保护、监测、科学研究等必需的保护管理活动外，不得进行任何与湿地生态系统保护和管理无关的其他活动。',
      textEn: 'A national wetland park has a conservation zone, where only necessary protection, monitoring and research may take place.',
    },
  },
  {
    id: 'WL-PARK-CONSERVATION-PROHIBITED',
    kind: 'wetland',
    level: 'park_conservation',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '湿地公园保育区内不得进行与湿地保护和管理无关的活动，应调整选址。', en: 'Nothing unrelated to wetland protection is allowed in the conservation zone: relocate.' },
    basis: {
      law: LAW.wetlandPark,
      article: ARTICLE_UNVERIFIED,
      textZh: '保育区除开展保护、监测、科学研究等必需的保护管理活动外，不得进行任何与湿地生态系统保护和管理无关的其他活动。',
      textEn: 'Only necessary protection, monitoring and research may take place in the conservation zone.',
    },
  },
];
