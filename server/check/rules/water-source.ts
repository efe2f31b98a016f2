import { LAW } from '../../../common/domain/laws.ts';
import { always, codeIs, fact } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/** 饮用水水源保护区 (rules.md §2, §12 rows DWS-1 / DWS-2 / DWS-准): 《水污染防治法》第六十三至六十七条. */

const art = (article: string, textZh: string, textEn: string): Basis => ({ law: LAW.waterPollution, article, textZh, textEn });

const ART63 = art(
  '第六十三条',
  '国家建立饮用水水源保护区制度。饮用水水源保护区分为一级保护区和二级保护区；必要时，可以在饮用水水源保护区外围划定一定的区域作为准保护区。饮用水水源保护区的划定及调整，由有关市、县人民政府提出划定方案，报省、自治区、直辖市人民政府批准。',
  'Drinking-water source protection zones are grade 1 and grade 2, with a quasi-protection zone outside where needed; zones are proposed by the city or county and approved (and adjusted) by the provincial government.',
);
const ART64 = art('第六十四条', '在饮用水水源保护区内，禁止设置排污口。', 'No outfall may be set up inside a drinking-water source protection zone.');
const ART65 = art(
  '第六十五条',
  '禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目；已建成的与供水设施和保护水源无关的建设项目，由县级以上人民政府责令拆除或者关闭。禁止在饮用水水源一级保护区内从事网箱养殖、旅游、游泳、垂钓或者其他可能污染饮用水水体的活动。',
  'In a grade-1 zone no project unrelated to water supply or source protection may be built, rebuilt or expanded (existing ones are removed or closed); cage aquaculture, tourism, swimming, angling and other polluting activities are banned.',
);
const ART66 = art(
  '第六十六条',
  '禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目；已建成的排放污染物的建设项目，由县级以上人民政府责令拆除或者关闭。在饮用水水源二级保护区内从事网箱养殖、旅游等活动的，应当按照规定采取措施，防止污染饮用水水体。',
  'In a grade-2 zone no project that discharges pollutants may be built, rebuilt or expanded (existing ones are removed or closed); cage aquaculture and tourism must take measures against pollution.',
);
const ART67 = art(
  '第六十七条',
  '禁止在饮用水水源准保护区内新建、扩建对水体污染严重的建设项目；改建建设项目，不得增加排污量。',
  'In a quasi-protection zone no project that severely pollutes water may be built or expanded; a rebuilt project may not increase its discharges.',
);

export const waterSourceRules: Rule[] = [
  // ── 一级保护区 ──
  {
    id: 'DWS1-OUTFALL',
    kind: 'water_source',
    level: 'grade1',
    when: fact('hasOutfall'),
    conditionText: { zh: '设置排污口（含污水处理设施）', en: 'Sets up an outfall (incl. sewage treatment plants)' },
    verdict: 'prohibited',
    procedure: { zh: '保护区内禁止设置排污口，排污口须移出保护区。', en: 'Outfalls are banned in the zone: move the outfall out of it.' },
    basis: ART64,
  },
  {
    id: 'DWS1-WATER-SUPPLY',
    kind: 'water_source',
    level: 'grade1',
    when: codeIs('WSUP'),
    conditionText: { zh: '供水设施或保护水源工程', en: 'Water supply or source protection works' },
    verdict: 'conditional',
    procedure: {
      zh: '限与供水设施和保护水源有关的项目：须编制环境影响评价文件，并经生态环境和水行政主管部门审批。',
      en: 'Only projects related to water supply or source protection: environmental impact assessment and approval by the environment and water authorities.',
    },
    basis: ART65,
  },
  {
    id: 'DWS1-PROHIBITED',
    kind: 'water_source',
    level: 'grade1',
    when: always,
    conditionText: { zh: '其他项目（含线性工程、旅游、原住居民设施）', en: 'Any other project (incl. linear works, tourism, residents’ facilities)' },
    verdict: 'prohibited',
    procedure: {
      zh: '一级保护区内禁止与供水设施和保护水源无关的建设项目，应调整选址；唯一途径是经省级人民政府批准调整保护区范围（第六十三条）。',
      en: 'Projects unrelated to water supply are banned in grade 1: relocate; the only route is a zone adjustment approved by the provincial government (Art. 63).',
    },
    basis: ART65,
  },

  // ── 二级保护区 ──
  {
    id: 'DWS2-OUTFALL',
    kind: 'water_source',
    level: 'grade2',
    when: fact('hasOutfall'),
    conditionText: { zh: '设置排污口（含污水处理设施）', en: 'Sets up an outfall (incl. sewage treatment plants)' },
    verdict: 'prohibited',
    procedure: { zh: '保护区内禁止设置排污口，排污口须移出保护区。', en: 'Outfalls are banned in the zone: move the outfall out of it.' },
    basis: ART64,
  },
  {
    id: 'DWS2-DISCHARGES',
    kind: 'water_source',
    level: 'grade2',
    when: fact('discharges'),
    conditionText: { zh: '排放污染物（含畜禽养殖）', en: 'Discharges pollutants (incl. livestock farming)' },
    verdict: 'prohibited',
    procedure: {
      zh: '二级保护区内禁止新建、改建、扩建排放污染物的建设项目，应调整选址。',
      en: 'Projects discharging pollutants may not be built, rebuilt or expanded in grade 2: relocate.',
    },
    basis: ART66,
  },
  {
    id: 'DWS2-TOURISM',
    kind: 'water_source',
    level: 'grade2',
    when: fact('tourism'),
    conditionText: { zh: '旅游项目（不排放污染物）', en: 'Tourism project (no discharges)' },
    verdict: 'conditional',
    procedure: {
      zh: '须按规定采取防止污染饮用水水体的措施（污水收集外运、禁止涉水活动等），并办理环境影响评价。',
      en: 'Take the prescribed measures against polluting the water (collect and remove sewage, no water contact, …) and complete the EIA.',
    },
    basis: ART66,
  },
  {
    id: 'DWS2-NON-DISCHARGING',
    kind: 'water_source',
    level: 'grade2',
    when: always,
    conditionText: { zh: '其他不排放污染物的项目', en: 'Any other project that discharges no pollutants' },
    verdict: 'conditional',
    procedure: {
      zh: '须办理环境影响评价，落实初期雨水收集、危险品运输与储存防护等措施，并符合地方饮用水水源保护条例。',
      en: 'EIA, first-flush runoff collection and hazardous-goods safeguards, and compliance with local source-protection rules.',
    },
    basis: ART66,
  },

  // ── 准保护区 ──
  {
    id: 'DWSQ-SEVERE-POLLUTER',
    kind: 'water_source',
    level: 'quasi',
    when: fact('severePolluter'),
    conditionText: { zh: '对水体污染严重的项目（新建、扩建）', en: 'Severe water polluter (new or expanded)' },
    verdict: 'prohibited',
    procedure: {
      zh: '准保护区内禁止新建、扩建对水体污染严重的项目；如属原址改建，须证明不增加排污量（人工核实）。',
      en: 'Severe polluters may not be built or expanded in the quasi zone; a rebuild must show no increase in discharges (manual review).',
    },
    basis: ART67,
  },
  {
    id: 'DWSQ-OUTFALL',
    kind: 'water_source',
    level: 'quasi',
    when: fact('hasOutfall'),
    conditionText: { zh: '设置排污口（含污水处理设施）', en: 'Sets up an outfall (incl. sewage treatment plants)' },
    verdict: 'conditional',
    procedure: {
      zh: '准保护区是否适用“禁止设置排污口”须核查地方条例（多数地方禁止），并经水行政主管部门同意排污口设置。',
      en: 'Check the local regulation (most ban outfalls in the quasi zone too) and obtain the water authority’s consent for the outfall.',
    },
    basis: ART67,
  },
  {
    id: 'DWSQ-OTHER',
    kind: 'water_source',
    level: 'quasi',
    when: always,
    conditionText: { zh: '其他项目', en: 'Any other project' },
    verdict: 'notice',
    procedure: { zh: '位于准保护区：落实污染防治措施，改建项目不得增加排污量。', en: 'In the quasi zone: apply pollution controls; a rebuild may not increase discharges.' },
    basis: ART67,
  },

  // ── 邻近 / 相接 ──
  {
    id: 'DWS-NEAR',
    kind: 'water_source',
    relation: 'near',
    when: always,
    conditionText: { zh: '用地位于饮用水水源保护区筛查缓冲距离内（邻近）', en: 'Site within the screening buffer of a source protection zone (nearby)' },
    verdict: 'notice',
    procedure: {
      zh: '邻近饮用水水源保护区：施工废水、弃渣不得进入保护区，排污口不得设在保护区内。',
      en: 'Near a source protection zone: keep construction waste water and spoil out of it; no outfall inside it.',
    },
    basis: ART63,
  },
  {
    id: 'DWS-TOUCH',
    kind: 'water_source',
    relation: 'touches',
    when: always,
    conditionText: { zh: '用地与饮用水水源保护区边界相接但不重叠', en: 'Site touches a source protection zone without overlapping it' },
    verdict: 'notice',
    procedure: {
      zh: '与饮用水水源保护区相接：核实界址，用地及施工不得进入保护区，排污口不得设在保护区内。',
      en: 'Touches a source protection zone: verify the boundary; keep the site, works and any outfall outside it.',
    },
    basis: ART64,
  },
];
