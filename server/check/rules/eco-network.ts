import { LAW } from '../../../common/domain/laws.ts';
import { always, corridorSevered } from './predicates.ts';
import type { Basis, Rule } from './rule.ts';

/**
 * 生态安全格局: 生态源地 (eco_core), 生态廊道 (eco_corridor), 生态屏障 (eco_screen) — rules.md §11.
 * No statute governs them: they are planning instruments, so every rule here is a notice. Where
 * they lie inside the red line or a protected area, those layers' rules decide the verdict.
 */

const ART29: Basis = {
  law: LAW.environmentalProtection,
  article: '第二十九条',
  textZh:
    '各级人民政府对具有代表性的各种类型的自然生态系统区域，珍稀、濒危的野生动植物自然分布区域，重要的水源涵养区域……应当采取措施予以保护，严禁破坏。',
  textEn:
    'Governments at all levels shall protect representative natural ecosystems, natural ranges of rare and endangered species, important water-conservation areas … and strictly forbid their destruction.',
};

const ART30: Basis = {
  law: LAW.environmentalProtection,
  article: '第三十条',
  textZh: '开发利用自然资源，应当合理开发，保护生物多样性，保障生态安全，依法制定有关生态保护和恢复治理方案并予以实施。',
  textEn: 'Natural resources shall be developed rationally, protecting biodiversity and ecological security, with ecological protection and restoration plans made and carried out according to law.',
};

export const ecoNetworkRules: Rule[] = [
  {
    id: 'CORRIDOR-CONNECTIVITY',
    kind: 'eco_corridor',
    when: always,
    conditionText: { zh: '用地与生态廊道重叠', en: 'The site overlaps an ecological corridor' },
    verdict: 'notice',
    procedure: {
      zh: '需生态连通性评估：保持廊道宽度和连通，限制建筑和围栏，跨越时采用桥梁、隧道或动物通道。',
      en: 'Ecological connectivity assessment needed: keep the corridor’s width and continuity, limit buildings and fences, cross by bridge, tunnel or wildlife passage.',
    },
    basis: ART30,
  },
  {
    id: 'CORRIDOR-SEVERED',
    kind: 'eco_corridor',
    additive: true,
    when: corridorSevered,
    conditionText: {
      zh: '项目横向切断廊道全宽，或使剩余宽度小于设计宽度（缺省 100 米）',
      en: 'The project cuts the corridor across its full width or leaves less than its design width (default 100 m)',
    },
    verdict: 'notice',
    procedure: {
      zh: '阻断生态廊道连通性：应优化选址或线位，或以桥梁、隧道、动物通道保持连通，并对断点实施生态修复。',
      en: 'Severs the ecological corridor: revise the site or alignment, or keep connectivity by bridge, tunnel or wildlife passage, and restore the break.',
    },
    basis: ART30,
  },
  {
    id: 'ECO-CORE-NOTICE',
    kind: 'eco_core',
    when: always,
    conditionText: { zh: '用地与生态源地重叠', en: 'The site overlaps an ecological source area' },
    verdict: 'notice',
    procedure: {
      zh: '位于生态安全格局的生态源地：应尽量避让，无法避让的减少占用并开展生态影响评价和生态修复。',
      en: 'In an ecological source area: avoid it where possible; otherwise minimise occupation, assess ecological impact and restore.',
    },
    basis: ART29,
  },
  {
    id: 'ECO-SCREEN-NOTICE',
    kind: 'eco_screen',
    when: always,
    conditionText: { zh: '用地与生态屏障重叠', en: 'The site overlaps an ecological barrier' },
    verdict: 'notice',
    procedure: {
      zh: '位于生态屏障区：注意水源涵养和水土保持，控制开发强度，落实水土保持方案。',
      en: 'In an ecological barrier zone: protect water conservation and soil, limit intensity, carry out the soil and water conservation plan.',
    },
    basis: ART29,
  },
];
