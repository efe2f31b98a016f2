import type { Bilingual } from '../bilingual.ts';

/**
 * What the project is, as the check API receives it (rules.md §0). The rules never look at these
 * raw attributes directly: they read the facts derived from them in project-facts.ts.
 */
export const PROJECT_TYPES = [
  'linear_infrastructure',
  'water_supply',
  'flood_control',
  'ecological_restoration',
  'tourism_facility',
  'tourism_resort',
  'resident_livelihood',
  'research_monitoring',
  'archaeology',
  'defense',
  'geological_survey',
  'mining',
  'industrial',
  'industrial_park',
  'residential',
  'commercial',
  'public_service',
  'agriculture',
  'livestock',
  'energy_solar',
  'energy_wind',
  'sewage_treatment',
  'other',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const PROJECT_FLAGS = [
  'dischargesPollutants',
  'severePolluter',
  'outfall',
  'nationalMajorProject',
  'unavoidable',
  'temporary',
  'expandsFootprint',
] as const;
export type ProjectFlag = (typeof PROJECT_FLAGS)[number];

export type ProjectAttributes = { type: ProjectType; widthM?: number } & Record<ProjectFlag, boolean>;

export const PROJECT_TYPE_LABELS: Record<ProjectType, Bilingual> = {
  linear_infrastructure: { zh: '线性基础设施（道路、铁路、管线、输电、通信）', en: 'Linear infrastructure (road, rail, pipeline, power line, telecom)' },
  water_supply: { zh: '供水及水源保护设施', en: 'Water supply / source protection works' },
  flood_control: { zh: '防洪设施', en: 'Flood control works' },
  ecological_restoration: { zh: '生态修复工程', en: 'Ecological restoration' },
  tourism_facility: { zh: '小型旅游、科普宣教或公共服务设施', en: 'Small tourism, science-education or public-service facility' },
  tourism_resort: { zh: '旅游度假区、酒店或旅游地产', en: 'Tourist resort, hotel or tourism real estate' },
  resident_livelihood: { zh: '原住居民生产生活设施', en: 'Original residents’ livelihood facilities' },
  research_monitoring: { zh: '科研、监测、巡护、执法或防灾救灾', en: 'Research, monitoring, patrol, enforcement or disaster relief' },
  archaeology: { zh: '考古发掘及文物保护', en: 'Archaeology and cultural-relic protection' },
  defense: { zh: '军事国防设施', en: 'Defence / military facility' },
  geological_survey: { zh: '地质调查与矿产勘查', en: 'Geological survey and mineral exploration' },
  mining: { zh: '采矿、采石、采砂', en: 'Mining, quarrying or sand extraction' },
  industrial: { zh: '工业项目（厂房）', en: 'Industrial plant' },
  industrial_park: { zh: '产业园区或开发区', en: 'Industrial park or development zone' },
  residential: { zh: '居住（住宅）', en: 'Residential' },
  commercial: { zh: '商业服务业', en: 'Commercial' },
  public_service: { zh: '公共管理与公共服务设施', en: 'Public administration and public services' },
  agriculture: { zh: '农业种植（粮食等农作物）', en: 'Agriculture (field crops)' },
  livestock: { zh: '畜禽养殖', en: 'Livestock and poultry farming' },
  energy_solar: { zh: '光伏发电', en: 'Solar power plant' },
  energy_wind: { zh: '风力发电', en: 'Wind farm' },
  sewage_treatment: { zh: '污水处理设施', en: 'Sewage treatment plant' },
  other: { zh: '其他', en: 'Other' },
};

/** Labels and one-line explanations of the flags (shown beside the checkboxes). */
export const PROJECT_FLAG_LABELS: Record<ProjectFlag | 'widthM', Bilingual & { hint: Bilingual }> = {
  dischargesPollutants: {
    zh: '排放污染物',
    en: 'Discharges pollutants',
    hint: { zh: '建设或运营期排放废水、废气等污染物', en: 'Discharges waste water, exhaust or other pollutants when built or operating' },
  },
  severePolluter: {
    zh: '对水体污染严重',
    en: 'Severe water polluter',
    hint: { zh: '属地方名录中对水体污染严重的建设项目（水污染防治法第六十七条）', en: 'On the local list of projects that severely pollute water (Water Pollution Law Art. 67)' },
  },
  outfall: {
    zh: '设置排污口',
    en: 'Has an outfall',
    hint: { zh: '项目设置入河（湖、库）排污口', en: 'The project sets up an outfall into a river, lake or reservoir' },
  },
  nationalMajorProject: {
    zh: '国家重大项目',
    en: 'National major project',
    hint: {
      zh: '属自然资发〔2022〕142号第二部分或自然资规〔2018〕3号所列国家重大项目',
      en: 'A national major project as listed in MNR 142/2022 part II or MNR 3/2018',
    },
  },
  unavoidable: {
    zh: '必须且无法避让',
    en: 'Unavoidable',
    hint: {
      zh: '申请人主张项目必须且无法避让，并符合县级以上国土空间规划（须经认定）',
      en: 'The applicant asserts the project cannot avoid the zone and conforms to the county-or-higher territorial plan (needs official confirmation)',
    },
  },
  temporary: {
    zh: '临时用地',
    en: 'Temporary use',
    hint: { zh: '临时占用，一般不超过两年，不建永久性建筑物', en: 'Temporary occupation, normally at most two years, no permanent structures' },
  },
  expandsFootprint: {
    zh: '扩大现有规模',
    en: 'Expands existing footprint',
    hint: {
      zh: '扩大现有建设用地、耕地、养殖规模或放牧强度',
      en: 'Enlarges existing construction land, cropland, aquaculture scale or grazing intensity',
    },
  },
  widthM: {
    zh: '影响宽度（米）',
    en: 'Impact width (m)',
    hint: { zh: '线、点状项目的施工影响宽度，缺省线 10 米、点 20 米', en: 'Construction width of line or point projects; default 10 m for lines, 20 m for points' },
  },
};
