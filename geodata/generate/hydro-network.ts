import type { LonLat } from './local-metres.ts';

/**
 * Rivers as hand-placed control points, listed downstream. Main rivers come from the gazetteer
 * (花溪河 青岩 → 花溪公园 → 十里河滩; 南明河 leaving north-east); the others are placed along plausible
 * valleys of their townships. Rivers north of the 长江/珠江 divide drain to 南明河/清水江 or 猫跳河,
 * the southern lobes (马铃, 燕楼, 高坡) to 蒙江 (珠江). `joins` snaps a tributary's mouth onto
 * its main river after both have been meandered.
 */
export interface RiverSpec {
  name: string;
  nameEn: string;
  basin: '长江' | '珠江';
  control: LonLat[];
  joins?: string;
  /** Seed 000: 重点河流 "一河一策一图". */
  keyRiver?: boolean;
  /** Seed 000: 水域岸线管理 list. */
  shorelineManaged?: boolean;
}

export const RIVERS: RiverSpec[] = [
  {
    name: '花溪河', nameEn: 'Huaxi River', basin: '长江', keyRiver: true,
    control: [[106.684, 26.334], [106.681, 26.348], [106.679, 26.362], [106.676, 26.376], [106.671, 26.392], [106.667, 26.406], [106.666, 26.42], [106.664, 26.432], [106.668, 26.443], [106.676, 26.452]],
  },
  {
    name: '南明河', nameEn: 'Nanming River', basin: '长江',
    control: [[106.676, 26.452], [106.684, 26.46], [106.693, 26.468], [106.701, 26.476], [106.708, 26.484]],
  },
  {
    name: '车田河', nameEn: 'Chetian River', basin: '长江', keyRiver: true, joins: '花溪河',
    control: [[106.572, 26.49], [106.586, 26.479], [106.6, 26.47], [106.614, 26.463], [106.627, 26.458], [106.638, 26.455], [106.649, 26.449], [106.659, 26.443], [106.662, 26.437], [106.664, 26.43]],
  },
  {
    name: '青岩河', nameEn: 'Qingyan River', basin: '长江', joins: '花溪河',
    control: [[106.648, 26.292], [106.657, 26.303], [106.667, 26.316], [106.677, 26.327], [106.684, 26.334]],
  },
  {
    name: '赵司河', nameEn: 'Zhaosi River', basin: '长江', shorelineManaged: true, joins: '花溪河',
    control: [[106.765, 26.342], [106.748, 26.35], [106.731, 26.356], [106.713, 26.361], [106.695, 26.364], [106.68, 26.365]],
  },
  {
    name: '老榜河', nameEn: 'Laobang River', basin: '长江', shorelineManaged: true,
    control: [[106.79, 26.415], [106.776, 26.428], [106.762, 26.441], [106.748, 26.452], [106.735, 26.462], [106.722, 26.471], [106.712, 26.48]],
  },
  {
    name: '马铃河', nameEn: 'Maling River', basin: '珠江', shorelineManaged: true,
    control: [[106.606, 26.306], [106.594, 26.292], [106.582, 26.28], [106.57, 26.268], [106.561, 26.259], [106.551, 26.249], [106.54, 26.238], [106.527, 26.229], [106.512, 26.221]],
  },
  {
    name: '小燕河', nameEn: 'Xiaoyan River', basin: '珠江', joins: '马铃河',
    control: [[106.663, 26.341], [106.652, 26.329], [106.643, 26.317], [106.634, 26.306], [106.625, 26.297], [106.614, 26.286], [106.602, 26.276], [106.589, 26.27], [106.575, 26.267]],
  },
  {
    name: '阴洞河', nameEn: 'Yindong River', basin: '珠江',
    control: [[106.826, 26.305], [106.833, 26.29], [106.839, 26.275], [106.846, 26.26], [106.851, 26.245], [106.852, 26.23], [106.849, 26.215], [106.845, 26.2], [106.842, 26.186]],
  },
  {
    name: '杨眉河', nameEn: 'Yangmei River', basin: '长江', shorelineManaged: true,
    control: [[106.594, 26.347], [106.584, 26.337], [106.571, 26.335], [106.558, 26.339], [106.546, 26.343], [106.534, 26.347]],
  },
  {
    name: '王坝河', nameEn: 'Wangba River', basin: '长江', shorelineManaged: true,
    control: [[106.548, 26.452], [106.537, 26.443], [106.525, 26.434], [106.512, 26.428], [106.498, 26.424], [106.482, 26.421]],
  },
  {
    name: '三岔河', nameEn: 'Sancha River', basin: '长江', shorelineManaged: true,
    control: [[106.604, 26.399], [106.592, 26.393], [106.581, 26.388], [106.57, 26.383], [106.558, 26.379], [106.546, 26.376]],
  },
  {
    name: '白岩河', nameEn: 'Baiyan River', basin: '长江', shorelineManaged: true,
    control: [[106.536, 26.523], [106.548, 26.521], [106.562, 26.523], [106.577, 26.527], [106.593, 26.531], [106.609, 26.534], [106.624, 26.536], [106.636, 26.537]],
  },
];
