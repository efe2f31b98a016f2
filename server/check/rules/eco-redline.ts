import { NO_LEVEL } from '../../../common/domain/layer-kinds.ts';
import { CHECK, cite } from './citation.ts';
import { LAW } from '../../../common/domain/laws.ts';
import { allOf, always, codeIs, fact, not, typeIs } from './predicates.ts';
import type { Basis, Predicate, Rule } from './rule.ts';

/**
 * 生态保护红线 (rules.md §1, §12 rows EPR-CORE / EPR-GEN). Level `core` is the part of the red line
 * that overlaps a 自然保护地核心保护区; features without a level are the rest of the red line.
 */

/** Items 1–3 and 5 were read in the notice's official text; items 6–8 only in secondary copies. */
const VERIFIED_ITEMS = [1, 2, 3, 5];

const item = (n: number, zh: string, en: string): Basis =>
  cite(
    'redLine142',
    `一、（一）第${'一二三四五六七八九十'[n - 1]}项`,
    `生态保护红线内自然保护地核心保护区外，禁止开发性、生产性建设活动，仅允许对生态功能不造成破坏的有限人为活动，包括：${zh}`,
    `Outside protected-area core zones, the red line bans development and production construction and allows only limited activities that do not damage ecological functions, including: ${en}`,
    VERIFIED_ITEMS.includes(n) ? CHECK.notice142 : CHECK.secondary('§1(c)'),
  );

export const NATIONAL_MAJOR_BASIS: Basis = {
  instrument: 'redLine142',
  check: CHECK.secondary('§1(c)（142号 二）'),
  law: LAW.redLine142,
  article: '二',
  textZh:
    '国家重大项目（党中央、国务院文件或批准的规划明确的项目，中央军委批准的军事国防项目，国家级规划明确的交通、水利、能源、电网、油气管线等项目，国家发展改革委认定难以避让的项目等）确需占用生态保护红线的，附省级人民政府出具的不可避让论证意见，报国务院批准。',
  textEn:
    'National major projects (named by the Party Centre or State Council, approved military projects, national-plan transport, water, energy, grid and pipeline projects, projects the NDRC confirms cannot avoid the line, etc.) that must occupy the red line need the provincial government’s unavoidability demonstration and State Council approval.',
};

export const NATIONAL_MAJOR_PROCEDURE = {
  zh: '在报批农用地转用、土地征收时，附省级人民政府出具的不可避让论证意见（说明占用必要性、节约集约和减缓生态影响措施），报国务院批准。',
  en: 'With the farmland-conversion / expropriation application, attach the provincial government’s unavoidability demonstration (necessity, land economy, mitigation) and obtain State Council approval.',
};

/** The limited activities of 142号 一、（一）, as far as the project types can express them. */
const LIMITED_ACTIVITY = {
  researchOrDefence: typeIs('research_monitoring', 'defense'),
  residentsWithoutExpansion: allOf(typeIs('resident_livelihood', 'agriculture', 'livestock'), not(fact('expandsFootprint'))),
  archaeology: typeIs('archaeology'),
  smallTourism: typeIs('tourism_facility'),
  unavoidableInfrastructure: allOf(codeIs('LIN', 'WSUP', 'FLOOD'), fact('unavoidable')),
  geologicalSurvey: typeIs('geological_survey'),
  restoration: typeIs('ecological_restoration'),
} satisfies Record<string, Predicate>;

export const isLimitedActivity: Predicate = (p, c) => Object.values(LIMITED_ACTIVITY).some((f) => f(p, c));

const LIMITED_ACTIVITY_RULE_IDS = ['EPR-GEN-ITEM1', 'EPR-GEN-ITEM2', 'EPR-GEN-ITEM3', 'EPR-GEN-ITEM5', 'EPR-GEN-ITEM6', 'EPR-GEN-ITEM7', 'EPR-GEN-ITEM8'];

const LIMITED_PROCEDURE = {
  zh: '按有限人为活动办理：不新增建设用地的，按省级规定办理认定（如市县人民政府认定意见）。',
  en: 'Proceed as a limited activity: without new construction land, follow the provincial rules (e.g. a city/county confirmation).',
};

export const ecoRedlineRules: Rule[] = [
  // ── 核心保护区 (core) ──
  {
    id: 'EPR-CORE-ALLOWED',
    kind: 'eco_redline',
    level: 'core',
    when: typeIs('research_monitoring', 'defense', 'archaeology', 'ecological_restoration'),
    conditionText: {
      zh: '科研监测巡护执法、军事国防、考古或保护性生态修复',
      en: 'Research / monitoring / patrol / enforcement, defence, archaeology, or protective restoration',
    },
    verdict: 'conditional',
    procedure: {
      zh: '红线核心部分即自然保护地核心保护区，按其所属自然保护地的法规办理：自然保护区依《中华人民共和国自然保护区条例》（2026年修订）第二十六条；国家公园依《国家公园管理暂行办法》关于核心保护区的规定（条款号待核实）；其他自然保护地依其管理规定。仅限核心保护区允许的活动，须经该自然保护地管理机构批准，按批准的范围和方式开展。',
      en: 'The red line’s core part is a protected area’s core zone: follow that protected area’s own rules — for a nature reserve, art. 26 of the 2026 Nature Reserve Regulation; for a national park, the core-zone provisions of the Interim Measures for National Parks (article to be verified); for other protected areas, their own rules. Only activities allowed in a core zone, with the protected-area agency’s approval and within its terms.',
    },
    // Art. 26 governs nature-reserve cores only: the basis says so, and the procedure names the park rules.
    basis: cite(
      'natureReserve2026',
      '第二十六条',
      '（适用于自然保护区核心保护区；国家公园等其他自然保护地的核心保护区依其规定）除调查监测、生态修复、管护巡护、科研观测、基础测绘、文物和其他文化遗产保护、防灾减灾、应急救援以及依法履行执法职责等活动外，自然保护区核心保护区内禁止人为活动。',
      '(For nature-reserve core zones; other protected areas such as national parks follow their own rules.) Apart from survey, monitoring, restoration, patrol, research, basic surveying, heritage protection, disaster prevention, emergency rescue and law enforcement, human activity is banned in the core zone.',
      CHECK.npcText,
    ),
  },
  {
    id: 'EPR-CORE-NATIONAL-MAJOR',
    kind: 'eco_redline',
    level: 'core',
    when: fact('nationalMajorProject'),
    conditionText: { zh: '国家重大项目（例外情形）', en: 'National major project (exceptional)' },
    verdict: 'conditional',
    procedure: { zh: `【例外情形，从严审查】${NATIONAL_MAJOR_PROCEDURE.zh}`, en: `[Exceptional, strict review] ${NATIONAL_MAJOR_PROCEDURE.en}` },
    basis: NATIONAL_MAJOR_BASIS,
  },
  {
    id: 'EPR-CORE-PROHIBITED',
    kind: 'eco_redline',
    level: 'core',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '核心保护区原则上禁止人为活动，应调整选址避让。', en: 'Human activity is in principle banned in the core zone: relocate the site.' },
    basis: {
      instrument: 'threeControlLines',
      check: CHECK.secondary('§1(c)'),
      law: LAW.threeControlLines,
      article: '二、（四）',
      textZh: '生态保护红线内，自然保护地核心保护区原则上禁止人为活动，其他区域严格禁止开发性、生产性建设活动。',
      textEn: 'Inside the red line, human activity is in principle banned in protected-area core zones; elsewhere development and production construction is strictly banned.',
    },
  },

  // ── 核心保护区外 (no level) ──
  {
    id: 'EPR-GEN-NATIONAL-MAJOR',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: fact('nationalMajorProject'),
    conditionText: { zh: '国家重大项目', en: 'National major project' },
    verdict: 'conditional',
    procedure: NATIONAL_MAJOR_PROCEDURE,
    basis: NATIONAL_MAJOR_BASIS,
  },
  {
    id: 'EPR-GEN-ITEM1',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.researchOrDefence,
    conditionText: { zh: '管护巡护、执法、科研、监测、防灾减灾或军事国防（含边境防护）', en: 'Patrol, enforcement, research, monitoring, disaster relief or defence (incl. border works)' },
    verdict: 'conditional',
    procedure: LIMITED_PROCEDURE,
    basis: item(1, '管护巡护、保护执法、科学研究、调查监测、测绘导航、防灾减灾救灾、军事国防、疫情防控等活动及相关的必要设施修筑（第九项边境管控同理）。', 'patrol, enforcement, research, monitoring, surveying, disaster work, defence and epidemic control, with necessary facilities (item 9, border works, likewise).'),
  },
  {
    id: 'EPR-GEN-ITEM2',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.residentsWithoutExpansion,
    conditionText: { zh: '原住居民生产生活、种植或养殖，且不扩大现有规模', en: 'Original residents’ livelihood, farming or husbandry, without expanding the existing footprint' },
    verdict: 'conditional',
    procedure: {
      zh: `限原住居民，不扩大现有建设用地、耕地、水产养殖规模和放牧强度。${LIMITED_PROCEDURE.zh}`,
      en: `Original residents only, without enlarging construction land, cropland, aquaculture or grazing. ${LIMITED_PROCEDURE.en}`,
    },
    basis: item(2, '原住居民和其他合法权益主体，允许在不扩大现有建设用地、用海用岛、耕地、水产养殖规模和放牧强度的前提下，开展种植、放牧、捕捞、养殖等活动，修筑生产生活设施。', 'original residents may farm, graze, fish and raise stock and build livelihood facilities without enlarging construction land, cropland, aquaculture or grazing.'),
  },
  {
    id: 'EPR-GEN-ITEM3',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.archaeology,
    conditionText: { zh: '经依法批准的考古调查发掘和文物保护', en: 'Approved archaeology and cultural-relic protection' },
    verdict: 'conditional',
    procedure: { zh: `须经文物主管部门依法批准。${LIMITED_PROCEDURE.zh}`, en: `Needs the heritage authority’s approval. ${LIMITED_PROCEDURE.en}` },
    basis: item(3, '经依法批准的考古调查发掘、古生物化石调查发掘、标本采集和文物保护活动。', 'approved archaeology, fossil excavation, specimen collection and relic protection.'),
  },
  {
    id: 'EPR-GEN-ITEM5',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.smallTourism,
    conditionText: { zh: '适度参观旅游、科普宣教及必要的配套公共设施', en: 'Moderate sightseeing, science education and necessary public facilities' },
    verdict: 'conditional',
    procedure: {
      zh: `须符合相关规划，规模适度、不破坏生态功能；度假、酒店、地产类不适用本项。${LIMITED_PROCEDURE.zh}`,
      en: `Must conform to the plans, stay modest and not damage ecological functions; resorts, hotels and real estate do not qualify. ${LIMITED_PROCEDURE.en}`,
    },
    basis: item(5, '适度的参观旅游、科普宣教及符合相关规划的配套性服务设施和相关的必要公共设施建设及维护。', 'moderate sightseeing and science education with plan-conforming service and necessary public facilities.'),
  },
  {
    id: 'EPR-GEN-ITEM6',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.unavoidableInfrastructure,
    conditionText: {
      zh: '线性基础设施、防洪或供水（含污水处理等涉水）设施，且申请人主张必须且无法避让、符合县级以上国土空间规划',
      en: 'Linear infrastructure, flood control or water (incl. sewage) works claimed unavoidable and conforming to the county-or-higher territorial plan',
    },
    verdict: 'conditional',
    procedure: {
      zh: '“必须且无法避让、符合县级以上国土空间规划”须经论证认定：涉及新增建设用地的，报批农用地转用、土地征收时须附省级人民政府出具的“符合生态保护红线内允许有限人为活动”的认定意见。',
      en: 'The claim “unavoidable and conforming to the county-or-higher plan” must be demonstrated: where new construction land is needed, the conversion / expropriation application must carry the provincial government’s confirmation that it is an allowed limited activity.',
    },
    basis: item(6, '必须且无法避让、符合县级以上国土空间规划的线性基础设施、通讯和防洪、供水设施建设和船舶航行、航道疏浚清淤等活动；已有合法水利、交通运输等设施运行维护改造。', 'unavoidable, plan-conforming linear infrastructure, telecom, flood-control and water-supply works, navigation and dredging; O&M of existing lawful facilities.'),
  },
  {
    id: 'EPR-GEN-ITEM7',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.geologicalSurvey,
    conditionText: { zh: '地质调查与特定矿种勘查', en: 'Geological survey and specified mineral exploration' },
    verdict: 'conditional',
    procedure: {
      zh: `限地质调查和国家规定的特定矿种勘查开采（铀矿、已有油气探矿权、战略性矿产等），须核实矿种和权属。${LIMITED_PROCEDURE.zh}`,
      en: `Limited to geological survey and the specified minerals (uranium, existing oil & gas rights, listed strategic minerals); verify mineral and rights. ${LIMITED_PROCEDURE.en}`,
    },
    basis: item(7, '地质调查与矿产资源勘查开采（限国家规定的特定情形）。', 'geological survey and mineral exploration or extraction (only the specified cases).'),
  },
  {
    id: 'EPR-GEN-ITEM8',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: LIMITED_ACTIVITY.restoration,
    conditionText: { zh: '依据县级以上国土空间规划和生态保护修复专项规划开展的生态修复', en: 'Restoration under county-or-higher territorial and restoration plans' },
    verdict: 'conditional',
    procedure: { zh: `须列入县级以上国土空间规划和生态保护修复专项规划。${LIMITED_PROCEDURE.zh}`, en: `Must be in the county-or-higher territorial and restoration plans. ${LIMITED_PROCEDURE.en}` },
    basis: item(8, '依据县级以上国土空间规划和生态保护修复专项规划开展的生态修复。', 'restoration under county-or-higher territorial and restoration plans.'),
  },
  {
    id: 'EPR-GEN-PROHIBITED',
    kind: 'eco_redline',
    level: NO_LEVEL,
    when: always,
    conditionText: {
      zh: '其他项目（工业、园区、城镇建设、采矿、旅游度假地产、可避让的基础设施等）',
      en: 'Any other project (industry, parks, urban construction, mining, resorts, avoidable infrastructure …)',
    },
    verdict: 'prohibited',
    procedure: {
      zh: '红线内禁止开发性、生产性建设活动，应调整选址避让；如确属第四项（人工商品林经营）或第十项（法律法规允许的其他活动），须逐案论证认定。',
      en: 'Development and production construction is banned in the red line: relocate. Item 4 (plantation management) or item 10 (other activities allowed by law) need case-by-case confirmation.',
    },
    basis: {
      instrument: 'redLine142',
      check: CHECK.notice142,
      law: LAW.redLine142,
      article: '一、（一）',
      textZh: '生态保护红线内自然保护地核心保护区外，禁止开发性、生产性建设活动，在符合法律法规的前提下，仅允许对生态功能不造成破坏的有限人为活动。',
      textEn: 'Outside protected-area core zones, the red line bans development and production construction; only limited activities that do not damage ecological functions are allowed.',
    },
  },
  {
    id: 'EPR-NEW-LAND',
    kind: 'eco_redline',
    level: NO_LEVEL,
    additive: true,
    onlyAfter: LIMITED_ACTIVITY_RULE_IDS,
    when: not(fact('temporary')),
    conditionText: { zh: '有限人为活动且非临时用地（可能新增建设用地）', en: 'A limited activity that is not temporary (may need new construction land)' },
    verdict: 'conditional',
    procedure: {
      zh: '如需新增建设用地，报批农用地转用、土地征收时须附省级人民政府出具的“符合生态保护红线内允许有限人为活动”的认定意见。',
      en: 'If new construction land is needed, the conversion / expropriation application must carry the provincial government’s confirmation that the project is an allowed limited activity.',
    },
    basis: {
      instrument: 'redLine142',
      check: CHECK.secondary('§1(c)（142号 一、（二） [P]）'),
      law: LAW.redLine142,
      article: '一、（二）',
      textZh: '有限人为活动涉及新增建设用地、用海用岛审批的，在报批农用地转用、土地征收或海域使用权、无居民海岛开发利用时，附省级人民政府出具的符合生态保护红线内允许有限人为活动的认定意见。',
      textEn: 'Where a limited activity needs new construction land (or sea / island use), the application carries the provincial government’s confirmation that it is an allowed limited activity.',
    },
  },

  // ── 邻近 / 相接 ──
  {
    id: 'EPR-NEAR',
    kind: 'eco_redline',
    relation: 'near',
    when: always,
    conditionText: { zh: '用地位于生态保护红线筛查缓冲距离内（邻近）', en: 'Site within the screening buffer of the red line (nearby)' },
    verdict: 'notice',
    procedure: {
      zh: '邻近生态保护红线：施工便道、弃渣场、临时用地等不得进入红线，注意施工期生态影响。',
      en: 'Near the red line: access roads, spoil sites and temporary works must stay outside it; watch construction-stage impacts.',
    },
    basis: {
      instrument: 'environmentalProtection',
      check: CHECK.npcText,
      law: LAW.environmentalProtection,
      article: '第二十九条',
      textZh: '国家在重点生态功能区、生态环境敏感区和脆弱区等区域划定生态保护红线，实行严格保护。',
      textEn: 'The state draws ecological protection red lines in key ecological function areas and sensitive or fragile areas and protects them strictly.',
    },
  },
  {
    id: 'EPR-TOUCH',
    kind: 'eco_redline',
    relation: 'touches',
    when: always,
    conditionText: { zh: '用地与生态保护红线边界相接但不重叠', en: 'Site touches the red line without overlapping it' },
    verdict: 'notice',
    procedure: {
      zh: '与生态保护红线相接：应核实界址，确保用地及施工范围不进入红线。',
      en: 'Touches the red line: verify the boundary and keep the site and works outside it.',
    },
    basis: {
      instrument: 'environmentalProtection',
      check: CHECK.npcText,
      law: LAW.environmentalProtection,
      article: '第二十九条',
      textZh: '国家在重点生态功能区、生态环境敏感区和脆弱区等区域划定生态保护红线，实行严格保护。',
      textEn: 'The state draws ecological protection red lines in key ecological function areas and sensitive or fragile areas and protects them strictly.',
    },
  },
];
