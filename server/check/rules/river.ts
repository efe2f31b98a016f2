import { LAW } from '../../../common/domain/laws.ts';
import { always, codeIs, fact, typeIs } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 河湖 (rules.md §10, §12 rows RIVER). Works in a river's management area need the water
 * authority's consent before construction, so an overlap is conditional (§12), not a notice;
 * proximity is a notice. No API flag says "obstructs flood flow", so the §12 PROHIBITED row
 * (水法第三十七条) appears as a condition in the procedure instead of as a verdict.
 */

const ART38: Basis = {
  law: LAW.water,
  article: '第三十八条',
  textZh:
    '在河道管理范围内建设桥梁、码头和其他拦河、跨河、临河建筑物、构筑物，铺设跨河管道、电缆，应当符合国家规定的防洪标准和其他有关的技术要求，工程建设方案应当依照防洪法的有关规定报经有关水行政主管部门审查同意。',
  textEn:
    'Bridges, docks and other structures across, in or along a river, and pipes and cables crossing it, must meet flood-control standards, and their construction plans need the water authority’s review and consent under the Flood Control Law.',
};

const ART37: Basis = {
  law: LAW.water,
  article: '第三十七条',
  textZh:
    '禁止在江河、湖泊、水库、运河、渠道内弃置、堆放阻碍行洪的物体和种植阻碍行洪的林木及高秆作物。禁止在河道管理范围内建设妨碍行洪的建筑物、构筑物以及从事影响河势稳定、危害河岸堤防安全和其他妨碍河道行洪的活动。',
  textEn:
    'Dumping flood obstacles and planting flow-obstructing trees or tall crops in rivers is banned, as are buildings and structures in the river management area that obstruct flood flow and activities endangering channel stability or embankments.',
};

export const riverRules: Rule[] = [
  {
    id: 'RIVER-CROSSING',
    kind: 'river',
    when: codeIs('LIN', 'WSUP', 'FLOOD'),
    conditionText: { zh: '跨河、穿河、临河的线性工程或水利设施', en: 'Linear or water works crossing, under or along the river' },
    verdict: 'conditional',
    procedure: {
      zh: '工程建设方案须符合防洪标准，开工前报经水行政主管部门审查同意（防洪法第二十七条、河道管理条例第十一条），并开展防洪影响评价。',
      en: 'The construction plan must meet flood standards and be reviewed and approved by the water authority before work starts (Flood Control Law Art. 27, River Regulation Art. 11), with a flood-impact assessment.',
    },
    basis: ART38,
  },
  {
    id: 'RIVER-SAND-MINING',
    kind: 'river',
    when: typeIs('mining'),
    conditionText: { zh: '在河道管理范围内采砂、取土、采矿', en: 'Sand extraction, soil removal or mining in the river management area' },
    verdict: 'conditional',
    procedure: { zh: '须报经河道主管机关批准（采砂许可），涉及其他部门的会同批准。', en: 'Needs the river authority’s approval (sand-mining permit), jointly with other departments where concerned.' },
    basis: {
      law: LAW.riverRegulation,
      article: '第二十五条',
      textZh: '在河道管理范围内进行下列活动，必须报经河道主管机关批准：采砂、取土、淘金、弃置砂石或者淤泥；爆破、钻探、挖筑鱼塘；在河道滩地存放物料、修建厂房或者其他建筑设施；在河道滩地开采地下资源及进行考古发掘。',
      textEn: 'Sand extraction, soil removal, blasting, drilling, fish ponds, storage or buildings on floodplains, and underground mining or archaeology in the river management area need the river authority’s approval.',
    },
  },
  {
    id: 'RIVER-OTHER-WORKS',
    kind: 'river',
    when: always,
    conditionText: { zh: '其他占用河道管理范围的项目', en: 'Any other project in the river management area' },
    verdict: 'conditional',
    procedure: {
      zh: '不得建设妨碍行洪的建筑物、构筑物；在河道滩地修建厂房或其他建筑设施须报经河道主管机关批准（河道管理条例第二十五条），堤防和护堤地上禁止建房。',
      en: 'No buildings or structures that obstruct flood flow; buildings on the floodplain need the river authority’s approval (River Regulation Art. 25); no houses on embankments.',
    },
    basis: ART37,
  },
  {
    id: 'RIVER-OUTFALL',
    kind: 'river',
    relation: 'any',
    additive: true,
    when: fact('hasOutfall'),
    conditionText: { zh: '项目设置排污口（含污水处理设施）', en: 'The project has an outfall (incl. sewage treatment)' },
    verdict: 'notice',
    procedure: {
      zh: '向该河流新建、改建或扩大排污口，须经有管辖权的水行政主管部门或流域管理机构同意。',
      en: 'A new, rebuilt or enlarged outfall into this river needs the consent of the competent water authority or basin agency.',
    },
    basis: {
      law: LAW.water,
      article: '第三十四条',
      textZh: '在江河、湖泊新建、改建或者扩大排污口，应当经过有管辖权的水行政主管部门或者流域管理机构同意，由环境保护行政主管部门负责对该建设项目的环境影响报告书进行审批。',
      textEn: 'A new, rebuilt or enlarged outfall into a river or lake needs the competent water authority’s or basin agency’s consent; the environment authority approves the EIA.',
    },
  },
  {
    id: 'RIVER-NEAR',
    kind: 'river',
    relation: 'near',
    when: always,
    conditionText: { zh: '用地位于河湖筛查缓冲距离内（邻近）', en: 'Site within the screening buffer of a river or lake (nearby)' },
    verdict: 'notice',
    procedure: {
      zh: '邻近河湖：核实河道管理范围线，临河建筑物、构筑物的建设方案须报水行政主管部门审查同意，施工不得侵占河道。',
      en: 'Near a river: verify the management line; riverside structures need the water authority’s plan approval; works may not encroach on the channel.',
    },
    basis: ART38,
  },
  {
    id: 'RIVER-TOUCH',
    kind: 'river',
    relation: 'touches',
    when: always,
    conditionText: { zh: '用地与河湖边界相接但不重叠', en: 'Site touches a river or lake without overlapping it' },
    verdict: 'notice',
    procedure: {
      zh: '与河湖相接：属临河建设，建设方案须报水行政主管部门审查同意，不得侵占河道管理范围。',
      en: 'Touches a river: riverside construction needs the water authority’s plan approval and may not encroach on the management area.',
    },
    basis: ART38,
  },
];
