import type { LonLat } from './local-metres.ts';

/**
 * Positions from /shared/domain/gazetteer.md (approximate, ±1–2 km) and the 13 township-level units
 * of seed 000 (4镇5乡4街道). `shapeSeeds` are extra Voronoi seeds that give each unit a plausible
 * extent (the urban 街道 are small, the rural 乡 large); they are not places.
 */
export interface Township {
  name: string;
  nameEn: string;
  type: '街道' | '镇' | '乡';
  seat: LonLat;
  shapeSeeds: LonLat[];
  /** Full official name where it differs (ethnic townships). */
  fullName?: string;
}

export const TOWNSHIPS: Township[] = [
  { name: '贵筑街道', nameEn: 'Guizhu Subdistrict', type: '街道', seat: [106.67, 26.41], shapeSeeds: [[106.66, 26.418]] },
  { name: '溪北街道', nameEn: 'Xibei Subdistrict', type: '街道', seat: [106.675, 26.43], shapeSeeds: [[106.684, 26.452], [106.69, 26.478], [106.685, 26.51]] },
  { name: '清溪街道', nameEn: 'Qingxi Subdistrict', type: '街道', seat: [106.69, 26.4], shapeSeeds: [[106.705, 26.41], [106.7, 26.388]] },
  { name: '阳光街道', nameEn: 'Yangguang Subdistrict', type: '街道', seat: [106.655, 26.395], shapeSeeds: [[106.632, 26.379], [106.645, 26.405]] },
  { name: '青岩镇', nameEn: 'Qingyan Town', type: '镇', seat: [106.684, 26.335], shapeSeeds: [[106.705, 26.305], [106.665, 26.352], [106.725, 26.33], [106.67, 26.31]] },
  { name: '燕楼镇', nameEn: 'Yanlou Town', type: '镇', seat: [106.615, 26.29], shapeSeeds: [[106.645, 26.293], [106.6, 26.32], [106.62, 26.34]] },
  { name: '石板镇', nameEn: 'Shiban Town', type: '镇', seat: [106.58, 26.48], shapeSeeds: [[106.55, 26.49], [106.61, 26.465], [106.625, 26.49]] },
  { name: '麦坪镇', nameEn: 'Maiping Town', type: '镇', seat: [106.52, 26.43], shapeSeeds: [[106.49, 26.445], [106.545, 26.41], [106.5, 26.405]] },
  { name: '马铃乡', nameEn: 'Maling Township', type: '乡', seat: [106.56, 26.245], shapeSeeds: [[106.52, 26.26], [106.535, 26.3], [106.585, 26.235]] },
  { name: '久安乡', nameEn: "Jiu'an Township", type: '乡', seat: [106.59, 26.545], shapeSeeds: [[106.56, 26.525], [106.625, 26.525], [106.645, 26.545]] },
  { name: '孟关乡', nameEn: 'Mengguan Township', type: '乡', seat: [106.76, 26.435], shapeSeeds: [[106.735, 26.46], [106.79, 26.445], [106.74, 26.425]], fullName: '孟关苗族布依族乡' },
  { name: '高坡乡', nameEn: 'Gaopo Township', type: '乡', seat: [106.845, 26.27], shapeSeeds: [[106.82, 26.22], [106.86, 26.24], [106.8, 26.29]], fullName: '高坡苗族乡' },
  { name: '黔陶乡', nameEn: 'Qiantao Township', type: '乡', seat: [106.785, 26.36], shapeSeeds: [[106.755, 26.37], [106.815, 26.37], [106.77, 26.335], [106.755, 26.395]], fullName: '黔陶布依族苗族乡' },
];

type PlaceType = 'township_seat' | 'landmark' | 'village' | 'facility';

export interface Place {
  name: string;
  nameEn: string;
  placeType: PlaceType;
  at: LonLat;
}

/** Named places for labels and search (the township seats are added from TOWNSHIPS). */
export const PLACES: Place[] = [
  { name: '花溪大学城', nameEn: 'Huaxi University Town', placeType: 'landmark', at: [106.632, 26.379] },
  { name: '镇山村', nameEn: 'Zhenshan Village', placeType: 'village', at: [106.652, 26.452] },
  { name: '青岩古镇', nameEn: 'Qingyan Ancient Town', placeType: 'landmark', at: [106.684, 26.333] },
  { name: '天河潭', nameEn: 'Tianhetan', placeType: 'landmark', at: [106.565, 26.505] },
  { name: '花溪公园', nameEn: 'Huaxi Park', placeType: 'landmark', at: [106.667, 26.423] },
  { name: '十里河滩', nameEn: 'Shili Hetan', placeType: 'landmark', at: [106.668, 26.436] },
  { name: '平桥', nameEn: 'Pingqiao', placeType: 'landmark', at: [106.672, 26.447] },
  { name: '孔学堂', nameEn: 'Confucius Institute (Kongxuetang)', placeType: 'landmark', at: [106.683, 26.416] },
  { name: '花溪医院', nameEn: 'Huaxi Hospital', placeType: 'facility', at: [106.671, 26.415] },
  { name: '南郊水厂', nameEn: 'Nanjiao Waterworks', placeType: 'facility', at: [106.688, 26.462] },
  { name: '中曹司', nameEn: 'Zhongcaosi', placeType: 'landmark', at: [106.698, 26.474] },
  { name: '桐木岭', nameEn: 'Tongmuling', placeType: 'landmark', at: [106.705, 26.43] },
  { name: '大水沟', nameEn: 'Dashuigou', placeType: 'landmark', at: [106.645, 26.412] },
  { name: '浪风关', nameEn: 'Langfengguan', placeType: 'landmark', at: [106.638, 26.405] },
  { name: '棉花关', nameEn: 'Mianhuaguan', placeType: 'landmark', at: [106.655, 26.385] },
  { name: '龙井村', nameEn: 'Longjing Village', placeType: 'village', at: [106.672, 26.352] },
  { name: '扰绕村', nameEn: 'Raorao Village', placeType: 'village', at: [106.862, 26.255] },
  { name: '高寨村', nameEn: 'Gaozhai Village', placeType: 'village', at: [106.83, 26.245] },
  { name: '盖冗村', nameEn: 'Gairong Village', placeType: 'village', at: [106.595, 26.49] },
  { name: '槐舟村', nameEn: 'Huaizhou Village', placeType: 'village', at: [106.6, 26.305] },
  { name: '燕鲁村', nameEn: 'Yanlu Village', placeType: 'village', at: [106.628, 26.302] },
  { name: '两周文化园', nameEn: 'Liangzhou Culture Park', placeType: 'landmark', at: [106.693, 26.422] },
];
