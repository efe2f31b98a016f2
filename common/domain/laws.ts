/**
 * Full names of the laws and policy documents cited by the rules, with book-title marks, so that
 * every rule spells a law the same way. Sources and verification tags: shared/domain/rules.md.
 */
export const LAW = {
  environmentalProtection: '《中华人民共和国环境保护法》',
  waterPollution: '《中华人民共和国水污染防治法》',
  water: '《中华人民共和国水法》',
  riverRegulation: '《中华人民共和国河道管理条例》',
  landAdministration: '《中华人民共和国土地管理法》',
  basicFarmlandRegulation: '《基本农田保护条例》',
  wetland: '《中华人民共和国湿地保护法》',
  wetlandPark: '《国家湿地公园管理办法》',
  scenicArea: '《风景名胜区条例》',
  natureReserve2017: '《中华人民共和国自然保护区条例》（2017年修订）',
  natureReserve2026: '《中华人民共和国自然保护区条例》（2026年修订，国务院令第830号）',
  nationalPark: '《国家公园管理暂行办法》',
  redLine142: '《自然资源部 生态环境部 国家林业和草原局关于加强生态保护红线管理的通知（试行）》（自然资发〔2022〕142号）',
  threeControlLines: '《关于在国土空间规划中统筹划定落实三条控制线的指导意见》（厅字〔2019〕48号）',
  urbanBoundary193: '《自然资源部关于做好城镇开发边界管理的通知（试行）》（自然资发〔2023〕193号）',
  controlUnits2024: '《中共中央办公厅 国务院办公厅关于加强生态环境分区管控的意见》',
} as const;

/** Placeholder for an article number that rules.md marks unverified: shown, never hidden. */
export const ARTICLE_UNVERIFIED = '（条款号待核实）';
