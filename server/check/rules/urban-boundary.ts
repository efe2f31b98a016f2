import { LAW, ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';
import { allOf, always, anyOf, codeIs, fact, largeSite, not, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 城镇开发边界 (rules.md §7, §12 rows UDB-inside / UDB-outside). The boundary is a positive zone:
 * the engine says where the site lies — level `inside` or `outside` (both if it straddles) — so
 * these rules apply whatever the relation (`relation: 'any'`).
 */

const BASIS_193: Basis = {
  law: LAW.urbanBoundary193,
  article: ARTICLE_UNVERIFIED,
  textZh:
    '城镇开发边界外，不得进行城镇集中建设，不得规划建设各类开发区和产业园区，不得规划城镇居住用地；在落实耕地保护、节约集约用地和生态环境保护的前提下，可规划布局有特定选址要求的零星城镇建设用地。',
  textEn:
    'Outside the boundary there may be no concentrated urban construction, no development zones or industrial parks and no urban residential land; scattered urban land with a specific siting need may be planned under farmland, land-economy and environmental safeguards.',
};

export const urbanBoundaryRules: Rule[] = [
  {
    id: 'UDB-INSIDE',
    kind: 'urban_boundary',
    level: 'inside',
    relation: 'any',
    when: always,
    conditionText: { zh: '位于城镇开发边界内的任何项目', en: 'Any project inside the boundary' },
    verdict: 'clear',
    procedure: { zh: '按“详细规划＋规划许可”办理：符合控制性详细规划，依法取得建设用地规划许可。', en: 'Detailed plan plus planning permit: conform to the regulatory detailed plan and obtain the land-use planning permit.' },
    basis: {
      law: LAW.threeControlLines,
      article: ARTICLE_UNVERIFIED,
      textZh: '城镇开发边界内建设，实行“详细规划＋规划许可”的管制方式。',
      textEn: 'Construction inside the urban development boundary is controlled by detailed plan plus planning permit.',
    },
  },
  {
    id: 'UDB-OUTSIDE-SCATTERED',
    kind: 'urban_boundary',
    level: 'outside',
    relation: 'any',
    when: allOf(typeIs('commercial', 'public_service'), fact('unavoidable'), not(largeSite)),
    conditionText: {
      zh: '边界外有特定选址要求的零星城镇建设用地（商业或公共服务，用地小于 5 公顷，申请人主张无法避让）',
      en: 'Scattered urban land outside the boundary with a specific siting need (commercial or public service, under 5 ha, claimed unavoidable)',
    },
    verdict: 'conditional',
    procedure: {
      zh: '须论证特定选址需求，符合国土空间总体规划和省级准入要求，纳入城镇建设用地规模管理，办理用地预审与选址意见书。',
      en: 'Demonstrate the siting need, conform to the territorial plan and provincial admission list, count against the urban land quota, and obtain the land pre-review and siting opinion.',
    },
    basis: BASIS_193,
  },
  {
    id: 'UDB-OUTSIDE-URBAN',
    kind: 'urban_boundary',
    level: 'outside',
    relation: 'any',
    when: anyOf(codeIs('URB'), typeIs('industrial_park')),
    conditionText: { zh: '边界外的城镇建设（居住、商业、公共服务）或开发区、产业园区', en: 'Urban construction (housing, commerce, public services) or development zones and industrial parks outside the boundary' },
    verdict: 'prohibited',
    procedure: {
      zh: '城镇开发边界外不得进行城镇集中建设、不得规划城镇居住用地和各类开发区、产业园区：应在边界内选址。',
      en: 'No concentrated urban construction, urban housing, development zones or industrial parks outside the boundary: site the project inside it.',
    },
    basis: BASIS_193,
  },
  {
    id: 'UDB-OUTSIDE-INFRASTRUCTURE',
    kind: 'urban_boundary',
    level: 'outside',
    relation: 'any',
    when: codeIs('LIN', 'WSUP', 'FLOOD', 'DEF', 'RES', 'AGRI', 'ECO', 'TOUR_S', 'RSM', 'ARCH', 'GEO_EXP'),
    conditionText: {
      zh: '边界外的线性工程、水利、防洪、国防、乡村民生、农业、生态修复、小型旅游及科研等项目',
      en: 'Linear, water, flood, defence, rural-livelihood, farming, restoration, small tourism or research projects outside the boundary',
    },
    verdict: 'notice',
    procedure: {
      zh: '属边界外允许的单独选址或乡村建设项目：按国土空间总体规划、村庄规划办理用地预审与选址意见书或乡村建设规划许可。',
      en: 'Allowed outside the boundary as a stand-alone or rural project: land pre-review and siting opinion, or rural construction permit, under the territorial and village plans.',
    },
    basis: BASIS_193,
  },
  {
    id: 'UDB-OUTSIDE-SITE-SELECTION',
    kind: 'urban_boundary',
    level: 'outside',
    relation: 'any',
    when: always,
    conditionText: { zh: '边界外的其他项目（工业、能源、采矿、旅游度假等）', en: 'Any other project outside the boundary (industry, energy, mining, resorts …)' },
    verdict: 'conditional',
    procedure: {
      zh: '须属有特定选址要求的单独选址项目，不得形成城镇集中建设；工业项目原则上应进入园区。办理用地预审与选址意见书。',
      en: 'Only as a stand-alone project with a specific siting need, never concentrated urban construction; industry belongs in parks. Obtain the land pre-review and siting opinion.',
    },
    basis: BASIS_193,
  },
];
