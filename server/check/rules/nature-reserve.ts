import { ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';
import { CITATIONS_CHECKED_ON, CHECK, cite } from './citation.ts';
import { NATIONAL_MAJOR_BASIS, NATIONAL_MAJOR_PROCEDURE, isLimitedActivity } from './eco-redline.ts';
import { allOf, always, anyOf, codeIs, fact, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 自然保护区 (rules.md §3, §12 rows NR-*). Two zoning schemes share the level `core`; which one a
 * layer uses is decided from its declared levels (layer-kinds.ts, natureReserveScheme):
 *  - legacy (2017 regulation): core 核心区 / buffer 缓冲区 / experimental 实验区
 *  - 2026 revision (国务院令第830号, in force 2026-03-15): core 核心保护区 / general 一般控制区
 */

const legacy = (article: string, textZh: string, textEn: string): Basis => cite('natureReserve2017', article, textZh, textEn, CHECK.npcText);

const L26 = legacy('第二十六条', '禁止在自然保护区内进行砍伐、放牧、狩猎、捕捞、采药、开垦、烧荒、开矿、采石、挖沙等活动；但是，法律、行政法规另有规定的除外。', 'Logging, grazing, hunting, fishing, herb collecting, land clearing, burning, mining, quarrying and sand digging are banned in a nature reserve unless a law provides otherwise.');
const L27 = legacy(
  '第二十七条',
  '禁止任何人进入自然保护区的核心区。因科学研究的需要，必须进入核心区从事科学研究观测、调查活动的，应当事先向自然保护区管理机构提交申请和活动计划，并经自然保护区管理机构批准；其中，进入国家级自然保护区核心区的，应当经省、自治区、直辖市人民政府有关自然保护区行政主管部门批准。',
  'No one may enter the core zone. Research observation or survey that must enter it needs a prior application and activity plan to the reserve’s management agency and that agency’s approval; entering the core zone of a national reserve needs the approval of the provincial nature-reserve department.',
);
const L28 = legacy('第二十八条', '禁止在自然保护区的缓冲区开展旅游和生产经营活动。因教学科研的目的，需要进入缓冲区从事非破坏性的科学研究、教学实习和标本采集活动的，应当经自然保护区管理机构批准。', 'Tourism and business activities are banned in the buffer zone; non-destructive research, teaching and specimen collection need the reserve agency’s approval.');
const L29 = legacy('第二十九条', '在自然保护区的实验区内开展参观、旅游活动的，由自然保护区管理机构编制方案，方案应当符合自然保护区管理目标；严禁开设与自然保护区保护方向不一致的参观、旅游项目。', 'Tourism in the experimental zone follows the agency’s plan; projects inconsistent with the reserve’s protection aims are strictly banned.');
const L32 = legacy('第三十二条', '在自然保护区的核心区和缓冲区内，不得建设任何生产设施。在自然保护区的实验区内，不得建设污染环境、破坏资源或者景观的生产设施；建设其他项目，其污染物排放不得超过国家和地方规定的污染物排放标准。', 'No production facility may be built in the core or buffer zone; in the experimental zone, no polluting or resource- or landscape-damaging production facility, and other projects must meet emission standards.');

/** Arts. 27 and 32 (or 28 and 32) together: a rule that cites two articles quotes both. */
const both = (a: Basis, aEn: string, b: Basis, bEn: string): Basis => ({
  ...a,
  article: `${a.article}、${b.article}`,
  textZh: `${a.article}：${a.textZh}${b.article}：${b.textZh}`,
  textEn: `${aEn}: ${a.textEn} ${bEn}: ${b.textEn}`,
});

const NEW26: Basis = cite(
  'natureReserve2026',
  '第二十六条',
  '除调查监测、生态修复、管护巡护、科研观测、基础测绘、文物和其他文化遗产保护、防灾减灾、应急救援以及依法履行执法职责等活动外，自然保护区核心保护区内禁止人为活动。',
  'Apart from survey, monitoring, restoration, patrol, research, basic surveying, heritage protection, disaster prevention, emergency rescue and law enforcement, human activity is banned in the core zone.',
  CHECK.npcText,
);
/**
 * The 2026 regulation's 一般控制区 article could not be read (the penalty chapter's reference to
 * "本条例第二十七条规定以外的活动" suggests art. 27, unconfirmed): the number stays unverified and
 * only the regulation's own principle is quoted — the 142号 wording is not the regulation's.
 */
const NEW_GENERAL: Basis = {
  ...cite(
    'natureReserve2026',
    ARTICLE_UNVERIFIED,
    '自然保护区核心保护区内原则上禁止人为活动，一般控制区内严格限制人为活动。',
    'Human activity is in principle banned in the core zone and strictly limited in the general control zone.',
    CHECK.npcText,
  ),
  check: {
    verified: false,
    source:
      '未见国务院令第830号官方原文（shared/ 下无此文本）；“一般控制区内严格限制人为活动”据 shared/domain/rules.md §3 [V] 转载核对；一般控制区允许活动所在条款或为第二十七条（罚则援引“本条例第二十七条规定以外的活动”），未确认',
    checkedOn: CITATIONS_CHECKED_ON,
  },
};

const DEVELOPMENT = codeIs('IND', 'PARK', 'URB', 'MINE', 'TOUR_L');

export const natureReserveRules: Rule[] = [
  // ── 旧三区分区 (legacy) ──
  {
    id: 'NR-LEGACY-CORE-RESEARCH', kind: 'nature_reserve', scheme: 'legacy', level: 'core',
    when: typeIs('research_monitoring'),
    conditionText: { zh: '科学研究观测、调查', en: 'Research observation or survey' },
    verdict: 'conditional',
    procedure: {
      zh: '事先向自然保护区管理机构提交申请和活动计划，经管理机构批准后方可进入核心区；进入国家级自然保护区核心区的，须经省级人民政府自然保护区行政主管部门批准；不得建设设施。',
      en: 'Submit an application and activity plan to the reserve’s management agency and enter the core zone only with its approval; for a national reserve, the provincial nature-reserve department approves; no facilities.',
    },
    basis: L27,
  },
  {
    id: 'NR-LEGACY-CORE-PROHIBITED', kind: 'nature_reserve', scheme: 'legacy', level: 'core',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '核心区禁止进入，不得建设任何生产设施，应调整选址。', en: 'The core zone is closed and no production facility may be built: relocate.' },
    basis: both(L27, 'Art. 27', L32, 'Art. 32'),
  },
  {
    id: 'NR-LEGACY-BUFFER-RESEARCH', kind: 'nature_reserve', scheme: 'legacy', level: 'buffer',
    when: typeIs('research_monitoring'),
    conditionText: { zh: '非破坏性科学研究、教学实习、标本采集', en: 'Non-destructive research, teaching or specimen collection' },
    verdict: 'conditional',
    procedure: { zh: '事先提交申请和活动计划，经自然保护区管理机构批准；不得建设生产设施。', en: 'Prior application and activity plan, approved by the reserve agency; no production facilities.' },
    basis: L28,
  },
  {
    id: 'NR-LEGACY-BUFFER-PROHIBITED', kind: 'nature_reserve', scheme: 'legacy', level: 'buffer',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '缓冲区禁止旅游和生产经营活动，不得建设任何生产设施，应调整选址。', en: 'No tourism, business or production facilities in the buffer zone: relocate.' },
    basis: both(L28, 'Art. 28', L32, 'Art. 32'),
  },
  {
    id: 'NR-LEGACY-EXP-BANNED-ACTS', kind: 'nature_reserve', scheme: 'legacy', level: 'experimental',
    when: anyOf(typeIs('mining'), allOf(typeIs('agriculture'), fact('expandsFootprint'))),
    conditionText: { zh: '采矿、采石、挖沙，或开垦（扩大耕地）', en: 'Mining, quarrying, sand digging, or land clearing (expanding cropland)' },
    verdict: 'prohibited',
    procedure: { zh: '保护区内禁止开矿、采石、挖沙、开垦等活动，应调整选址。', en: 'Mining, quarrying, sand digging and land clearing are banned in the reserve: relocate.' },
    basis: L26,
  },
  {
    id: 'NR-LEGACY-EXP-POLLUTING', kind: 'nature_reserve', scheme: 'legacy', level: 'experimental',
    when: allOf(fact('productionFacility'), fact('discharges')),
    conditionText: { zh: '排放污染物的生产设施', en: 'Production facility that discharges pollutants' },
    verdict: 'prohibited',
    procedure: { zh: '实验区内不得建设污染环境、破坏资源或者景观的生产设施，应调整选址。', en: 'No polluting or damaging production facility in the experimental zone: relocate.' },
    basis: L32,
  },
  {
    id: 'NR-LEGACY-EXP-TOURISM', kind: 'nature_reserve', scheme: 'legacy', level: 'experimental',
    when: fact('tourism'),
    conditionText: { zh: '参观旅游项目', en: 'Tourism project' },
    verdict: 'conditional',
    procedure: { zh: '须纳入保护区管理机构编制的旅游方案，与保护方向一致，并经管理机构同意。', en: 'Must be in the reserve agency’s tourism plan, consistent with protection aims, with the agency’s consent.' },
    basis: L29,
  },
  {
    id: 'NR-LEGACY-EXP-OTHER', kind: 'nature_reserve', scheme: 'legacy', level: 'experimental',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'conditional',
    procedure: { zh: '污染物排放不得超过国家和地方标准；须办理环境影响评价并征得保护区管理机构同意；不得破坏资源或景观。', en: 'Emissions within national and local standards; EIA and the reserve agency’s consent; no damage to resources or landscape.' },
    basis: L32,
  },
  {
    id: 'NR-LEGACY-ZONING', kind: 'nature_reserve', scheme: 'legacy', additive: true,
    when: always,
    conditionText: { zh: '图层采用旧三区分区（核心区/缓冲区/实验区）', en: 'The layer uses the legacy core / buffer / experimental zoning' },
    verdict: 'notice',
    procedure: {
      zh: '2017年条例第二十六至三十二条已被2026年修订条例（2026年3月15日施行）取代：请向保护区管理机构核实现行核心保护区、一般控制区范围，并按现行条例复核。',
      en: 'Arts. 26–32 of the 2017 regulation were superseded by the 2026 revision (in force 2026-03-15): confirm the current core / general zones with the reserve agency and re-check under the current regulation.',
    },
    basis: NEW26,
  },

  // ── 2026年条例：核心保护区 / 一般控制区 ──
  {
    id: 'NR-2026-CORE-ALLOWED', kind: 'nature_reserve', scheme: '2026', level: 'core',
    when: typeIs('research_monitoring', 'archaeology', 'defense', 'ecological_restoration'),
    conditionText: { zh: '调查监测、科研、巡护执法、考古文保、国防或保护性生态修复', en: 'Monitoring, research, patrol, enforcement, archaeology, defence or protective restoration' },
    verdict: 'conditional',
    procedure: { zh: '仅限核心保护区允许的活动，须经自然保护区管理机构批准，按批准的范围和方式开展。', en: 'Only activities allowed in the core zone, approved by the reserve agency and within its terms.' },
    basis: NEW26,
  },
  {
    id: 'NR-2026-CORE-NATIONAL-MAJOR', kind: 'nature_reserve', scheme: '2026', level: 'core',
    when: fact('nationalMajorProject'),
    conditionText: { zh: '国家重大项目（例外情形）', en: 'National major project (exceptional)' },
    verdict: 'conditional',
    procedure: { zh: `【例外情形，从严审查】${NATIONAL_MAJOR_PROCEDURE.zh}并征求自然保护区主管部门意见。`, en: `[Exceptional, strict review] ${NATIONAL_MAJOR_PROCEDURE.en} Consult the reserve authority.` },
    basis: NATIONAL_MAJOR_BASIS,
  },
  {
    id: 'NR-2026-CORE-PROHIBITED', kind: 'nature_reserve', scheme: '2026', level: 'core',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '核心保护区内禁止人为活动，应调整选址。', en: 'Human activity is banned in the core zone: relocate.' },
    basis: NEW26,
  },
  {
    id: 'NR-2026-GENERAL-DEVELOPMENT', kind: 'nature_reserve', scheme: '2026', level: 'general',
    when: DEVELOPMENT,
    conditionText: { zh: '工业（含能源）、园区、城镇建设、采矿、旅游度假地产', en: 'Industry (incl. energy), parks, urban construction, mining, resorts' },
    verdict: 'prohibited',
    procedure: {
      zh: '一般控制区内严格限制人为活动；自然保护地位于生态保护红线内，按自然资发〔2022〕142号禁止开发性、生产性建设活动，应调整选址。',
      en: 'Human activity is strictly limited in the general control zone; protected areas lie in the red line, where MNR notice 142/2022 bans development and production construction: relocate.',
    },
    basis: NEW_GENERAL,
  },
  {
    id: 'NR-2026-GENERAL-NATIONAL-MAJOR', kind: 'nature_reserve', scheme: '2026', level: 'general',
    when: fact('nationalMajorProject'),
    conditionText: { zh: '国家重大项目', en: 'National major project' },
    verdict: 'conditional',
    procedure: { zh: `${NATIONAL_MAJOR_PROCEDURE.zh}并征得自然保护区管理机构同意。`, en: `${NATIONAL_MAJOR_PROCEDURE.en} Obtain the reserve agency’s consent.` },
    basis: NATIONAL_MAJOR_BASIS,
  },
  {
    id: 'NR-2026-GENERAL-LIMITED', kind: 'nature_reserve', scheme: '2026', level: 'general',
    when: isLimitedActivity,
    conditionText: { zh: '属生态保护红线有限人为活动（142号所列）', en: 'A limited activity of the red-line list (MNR 142/2022)' },
    verdict: 'conditional',
    procedure: {
      zh: '须经自然保护区管理机构同意；同时按生态保护红线有限人为活动办理（涉及新增建设用地的附省级人民政府认定意见）。',
      en: 'Needs the reserve agency’s consent, and the red-line limited-activity procedure (with new construction land: the provincial government’s confirmation).',
    },
    basis: NEW_GENERAL,
  },
  {
    id: 'NR-2026-GENERAL-PROHIBITED', kind: 'nature_reserve', scheme: '2026', level: 'general',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'prohibited',
    procedure: { zh: '不属一般控制区允许的有限人为活动，应调整选址。', en: 'Not a limited activity allowed in the general control zone: relocate.' },
    basis: NEW_GENERAL,
  },

  // ── 邻近 / 相接 ──
  {
    id: 'NR-NEAR', kind: 'nature_reserve', relation: 'near',
    when: always,
    conditionText: { zh: '用地位于自然保护区筛查缓冲距离内（邻近）', en: 'Site within the screening buffer of a nature reserve (nearby)' },
    verdict: 'notice',
    procedure: { zh: '邻近自然保护区：不得建设污染、损害保护区的设施，施工及临时用地不得进入保护区。', en: 'Near a nature reserve: no facilities that pollute or harm it; keep works and temporary land outside it.' },
    basis: NEW_GENERAL,
  },
  {
    id: 'NR-TOUCH', kind: 'nature_reserve', relation: 'touches',
    when: always,
    conditionText: { zh: '用地与自然保护区边界相接但不重叠', en: 'Site touches a nature reserve without overlapping it' },
    verdict: 'notice',
    procedure: { zh: '与自然保护区相接：核实界址，用地及施工不得进入保护区。', en: 'Touches a nature reserve: verify the boundary; keep the site and works outside it.' },
    basis: NEW_GENERAL,
  },
];
