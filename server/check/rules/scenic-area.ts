import { LAW } from '../../../common/domain/laws.ts';
import { allOf, always, anyOf, codeIs, fact, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/** 风景名胜区 (rules.md §4, §12 rows SA): level `core` is the 核心景区; features without a level are the rest. */

const art = (article: string, textZh: string, textEn: string): Basis => ({ law: LAW.scenicArea, article, textZh, textEn });

const ART26 = art(
  '第二十六条',
  '在风景名胜区内禁止进行下列活动：（一）开山、采石、开矿、开荒、修坟立碑等破坏景观、植被和地形地貌的活动；（二）修建储存爆炸性、易燃性、放射性、毒害性、腐蚀性物品的设施；（三）在景物或者设施上刻划、涂污；（四）乱扔垃圾。',
  'Banned in scenic areas: quarrying, mining, land clearing, graves and other damage to landscape, vegetation and landform; facilities storing explosive, flammable, radioactive, toxic or corrosive goods; defacing; littering.',
);
const ART27 = art(
  '第二十七条',
  '禁止违反风景名胜区规划，在风景名胜区内设立各类开发区和在核心景区内建设宾馆、招待所、培训中心、疗养院以及与风景名胜资源保护无关的其他建筑物；已经建设的，应当按照风景名胜区规划，逐步迁出。',
  'No development zones of any kind in a scenic area, and no hotels, guest houses, training centres, sanatoria or other buildings unrelated to protection in the core scenic zone; existing ones move out under the plan.',
);
const ART28 = art(
  '第二十八条',
  '在风景名胜区内从事本条例第二十六条、第二十七条禁止范围以外的建设活动，应当经风景名胜区管理机构审核后，依照有关法律、法规的规定办理审批手续。在国家级风景名胜区内修建缆车、索道等重大建设工程，项目的选址方案应当报国务院建设主管部门核准。',
  'Other construction needs the scenic-area agency’s review and then statutory approval; in national scenic areas the siting of cableways and other major works needs the approval of the State Council construction authority.',
);

export const scenicAreaRules: Rule[] = [
  {
    id: 'SA-LANDSCAPE-DAMAGE',
    kind: 'scenic_area',
    when: anyOf(typeIs('mining'), allOf(typeIs('agriculture'), fact('expandsFootprint'))),
    conditionText: { zh: '开山、采石、开矿，或开荒（扩大耕地）', en: 'Quarrying, mining, or land clearing (expanding cropland)' },
    verdict: 'prohibited',
    procedure: { zh: '风景名胜区内禁止开山、采石、开矿、开荒，应调整选址。', en: 'Quarrying, mining and land clearing are banned in scenic areas: relocate.' },
    basis: ART26,
  },
  {
    id: 'SA-DEVELOPMENT-ZONE',
    kind: 'scenic_area',
    when: typeIs('industrial_park'),
    conditionText: { zh: '各类开发区、产业园区', en: 'Development zone or industrial park' },
    verdict: 'prohibited',
    procedure: { zh: '风景名胜区内禁止设立各类开发区，应调整选址。', en: 'No development zones in scenic areas: relocate.' },
    basis: ART27,
  },
  {
    id: 'SA-CORE-BUILDINGS',
    kind: 'scenic_area',
    level: 'core',
    when: codeIs('URB', 'TOUR_L', 'IND'),
    conditionText: {
      zh: '核心景区内的住宅、商业、公共服务、宾馆度假、工业（含能源）等与风景名胜资源保护无关的建筑',
      en: 'Housing, commerce, public services, hotels and resorts, industry (incl. energy) or other buildings unrelated to protection, in the core scenic zone',
    },
    verdict: 'prohibited',
    procedure: { zh: '核心景区内禁止建设与风景名胜资源保护无关的建筑物，应调整选址。', en: 'Buildings unrelated to protection are banned in the core scenic zone: relocate.' },
    basis: ART27,
  },
  {
    id: 'SA-CONSTRUCTION',
    kind: 'scenic_area',
    when: always,
    conditionText: { zh: '其他建设活动', en: 'Any other construction' },
    verdict: 'conditional',
    procedure: {
      zh: '须符合风景名胜区规划，经风景名胜区管理机构审核后依法办理审批；国家级风景名胜区内修建缆车、索道等重大建设工程的，选址方案报国务院建设主管部门核准。',
      en: 'Must conform to the scenic-area plan; review by the scenic-area agency, then statutory approval; cableways and other major works in national scenic areas need siting approval by the State Council construction authority.',
    },
    basis: ART28,
  },
  {
    id: 'SA-NEAR',
    kind: 'scenic_area',
    relation: 'near',
    when: always,
    conditionText: { zh: '用地位于风景名胜区筛查缓冲距离内（邻近）', en: 'Site within the screening buffer of a scenic area (nearby)' },
    verdict: 'notice',
    procedure: { zh: '邻近风景名胜区：注意建筑高度、体量和风貌与景区协调，施工不得进入景区。', en: 'Near a scenic area: keep height, bulk and style in keeping with it; keep works outside it.' },
    basis: ART28,
  },
  {
    id: 'SA-TOUCH',
    kind: 'scenic_area',
    relation: 'touches',
    when: always,
    conditionText: { zh: '用地与风景名胜区边界相接但不重叠', en: 'Site touches a scenic area without overlapping it' },
    verdict: 'notice',
    procedure: { zh: '与风景名胜区相接：核实界址，用地及施工不得进入景区。', en: 'Touches a scenic area: verify the boundary; keep the site and works outside it.' },
    basis: ART28,
  },
];
