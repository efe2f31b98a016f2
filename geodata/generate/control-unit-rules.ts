/**
 * 准入清单 text of the 三线一单 environmental control units, per class, in the four parts MEE's
 * data specification uses (rules.md §8). Plausible illustrative wording assembled from seed 000
 * §2 and the national policy; not the text of any official 花溪区 list.
 */
export interface AccessList {
  spatialConstraint: string;
  pollutionControl: string;
  riskControl: string;
  resourceEfficiency: string;
}

export type UnitClass = 'priority' | 'key_urban' | 'key_industrial' | 'general';

export const ACCESS_LISTS: Record<UnitClass, AccessList> = {
  priority: {
    spatialConstraint:
      '执行生态保护红线、自然保护地、饮用水水源保护区和湿地公园相关管控要求；依法禁止或限制大规模、高强度的工业和城镇建设；生态保护红线内自然保护地核心保护区外，仅允许对生态功能不造成破坏的有限人为活动；严禁任意改变用途。',
    pollutionControl:
      '饮用水水源保护区内禁止设置排污口；现有污染源限期整治或依法关闭，污染物排放总量只减不增；农村生活污水、生活垃圾应收尽收、集中处理，禁止向水体排放未经处理的废水。',
    riskControl:
      '禁止新建涉重金属、危险化学品和危险废物的项目；加强森林防火、林业有害生物防治和外来物种入侵防控；水源地设置隔离防护设施，编制突发环境事件应急预案。',
    resourceEfficiency:
      '严格控制开发强度，生态保护红线面积不减少、功能不降低、性质不改变；持续推进石漠化综合治理和矿山生态修复；保障河流生态流量，林草覆盖率不降低。',
  },
  key_urban: {
    spatialConstraint:
      '城镇建设严格限定在城镇开发边界内；禁止新建、扩建钢铁、水泥、化工等“两高”项目，现有工业企业逐步向产业园区集中；城区与工业区之间设置生态隔离带，落实“300米见绿、500米见园”。',
    pollutionControl:
      '完善城镇污水收集管网，推进雨污分流和污水处理提质增效；严格控制建筑工地扬尘、餐饮油烟和机动车尾气排放；新建项目主要污染物排放实行等量或倍量替代。',
    riskControl:
      '加强加油站、储油库等VOCs风险源和危险化学品运输管理；建立突发环境事件应急预案体系；开展疑似污染地块土壤环境调查和风险管控，未经评估不得开发利用。',
    resourceEfficiency:
      '推广绿色建筑和既有建筑节能改造，提高再生水利用率；落实用水总量和强度双控；推进清洁能源替代和充电基础设施建设。',
  },
  key_industrial: {
    spatialConstraint:
      '入园项目须符合园区规划和规划环评；电镀、表面处理等涉重金属企业只能进入专业园区，并建设园区隔离带和绿化防护带；园区周边不得新建居住区、学校、医院等环境敏感目标。',
    pollutionControl:
      '园区污水集中收集处理、稳定达标排放，污水收集管网“明沟+明管”规范化；涉重金属废水车间排放口达标；实施重点污染物排放总量控制和排污许可管理。',
    riskControl:
      '建立园区环境风险防控体系和应急物资储备，设置事故应急池；涉危险废物、涉重金属企业定期开展隐患排查；园区及周边开展土壤和地下水环境监测。',
    resourceEfficiency:
      '推进园区循环化改造、集中供热和分布式光伏；提高工业用水重复利用率；单位工业增加值能耗、水耗达到园区准入要求。',
  },
  general: {
    spatialConstraint:
      '落实生态环境保护基本要求；严格控制耕地转为非耕地，永久基本农田内禁止建窑、建房、建坟、挖砂、采石、采矿、取土；引导农村居民点集中布局，禁止在河道管理范围内建设妨碍行洪的建筑物。',
    pollutionControl:
      '推进农村生活污水治理和农业面源污染防治，化肥农药使用量负增长；畜禽规模养殖场粪污处理设施装备配套率100%；消除农村黑臭水体。',
    riskControl:
      '实施农用地土壤环境质量分类管理，受污染耕地安全利用；规范农药包装废弃物回收处置；加强采石场、露天煤矿等矿山地质灾害和环境风险防控。',
    resourceEfficiency:
      '推进高效节水灌溉，提高农田灌溉水有效利用系数；推进采石场、露天煤矿生态修复和土地复垦；盘活农村闲置建设用地。',
  },
};

export const CLASS_NAMES: Record<UnitClass, { zh: string; en: string; level: 'priority' | 'key' | 'general'; codeDigit: number }> = {
  priority: { zh: '优先保护单元', en: 'priority protection unit', level: 'priority', codeDigit: 1 },
  key_urban: { zh: '城镇重点管控单元', en: 'key control unit (urban)', level: 'key', codeDigit: 2 },
  key_industrial: { zh: '产业园区重点管控单元', en: 'key control unit (industrial park)', level: 'key', codeDigit: 2 },
  general: { zh: '一般管控单元', en: 'general control unit', level: 'general', codeDigit: 3 },
};
