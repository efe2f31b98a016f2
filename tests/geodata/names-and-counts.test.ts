import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readLayer } from './read-geodata.ts';

vi.setConfig({ testTimeout: 120_000 });

/**
 * Every named element of seed 000 is present by its verbatim name. The lists are read from the
 * seed text itself (../shared/seeds/000_*.txt beside the checkout) where it is available, so a typo
 * on either side fails.
 */

const SEED_DIR = path.resolve('../shared/seeds');
const seedText = (() => {
  const file = fs.existsSync(SEED_DIR) ? fs.readdirSync(SEED_DIR).find((f) => f.startsWith('000_')) : undefined;
  return file ? fs.readFileSync(`${SEED_DIR}/${file}`, 'utf8') : null;
})();

const CORES = ['阿哈湖生态绿核', '花溪水库生态绿核'];
const SCREENS = ['黔灵山脉生态屏', '大成山脉生态屏', '凤凰山生态屏'];
const CORRIDORS = ['大坪水库-阿哈湖生态廊道', '花溪水库-凤凰山生态廊道', '松柏山-杨梅水库生态廊道', '马铃-高坡生态廊道', '久安-天河潭生态廊道', '南岳山生态廊道'];
const SOURCES = ['花溪水库', '苦蒿冲', '阴洞河', '燕鲁小燕河', '海爬井', '龙潭', '龙井沟', '麻窝坑', '红岩水库', '九眼井'];
const TOWNSHIPS = ['青岩镇', '燕楼镇', '石板镇', '麦坪镇', '马铃乡', '久安乡', '孟关乡', '高坡乡', '黔陶乡', '阳光街道', '清溪街道', '溪北街道', '贵筑街道'];

const names = (id: string) => readLayer(id).map((f) => f.properties.name as string);

describe('names from seed 000', () => {
  it.runIf(seedText !== null)('the lists below are verbatim in the seed', () => {
    const pattern = seedText!.split('\n').filter((l) => /两核：|三屏：|六带：/.test(l)).join('\n');
    for (const n of [...CORES, ...SCREENS, ...CORRIDORS]) expect(pattern, n).toContain(n);
    const sentence = seedText!.split('\n').find((l) => l.includes('10个水源保护区'))!;
    for (const s of SOURCES) expect(sentence, s).toContain(s);
  });

  it('two cores, three screens, six corridors, by name', () => {
    expect(names('eco_core').sort()).toEqual([...CORES].sort());
    expect(names('eco_screen').sort()).toEqual([...SCREENS].sort());
    expect(names('eco_corridor').sort()).toEqual([...CORRIDORS].sort());
  });

  it('corridors carry their design width and centre line', () => {
    for (const f of readLayer('eco_corridor')) {
      expect(f.properties.widthM, f.id).toBeGreaterThanOrEqual(300);
      expect(f.properties.widthM, f.id).toBeLessThanOrEqual(1000);
      const centerline = f.properties.centerline as { type: string; coordinates: number[][] };
      expect(centerline.type).toBe('LineString');
      expect(centerline.coordinates.length).toBeGreaterThan(5);
    }
  });

  it('the ten drinking-water sources with their levels, types and townships', () => {
    const zones = readLayer('water_source');
    expect([...new Set(zones.map((f) => f.properties.sourceName))].sort()).toEqual([...SOURCES].sort());
    for (const s of SOURCES) {
      const levels = zones.filter((f) => f.properties.sourceName === s).map((f) => f.properties.level);
      expect(levels, s).toContain('grade1');
      expect(levels, s).toContain('grade2');
    }
    const typeOf = (s: string) => zones.find((f) => f.properties.sourceName === s)!.properties.sourceType;
    expect(typeOf('花溪水库')).toBe('reservoir');
    expect(typeOf('红岩水库')).toBe('reservoir');
    expect(typeOf('阴洞河')).toBe('river');
    expect(typeOf('燕鲁小燕河')).toBe('river');
    expect(typeOf('九眼井')).toBe('groundwater');
    const townOf = (s: string) => zones.find((f) => f.properties.sourceName === s)!.properties.town;
    // towns as seed 000 names them (unprefixed sources take the last prefix before them)
    expect([townOf('苦蒿冲'), townOf('阴洞河')]).toEqual(['高坡乡', '高坡乡']);
    expect(townOf('燕鲁小燕河')).toBe('燕楼镇');
    expect([townOf('海爬井'), townOf('龙潭'), townOf('龙井沟')]).toEqual(['青岩镇', '青岩镇', '青岩镇']);
    expect([townOf('麻窝坑'), townOf('红岩水库')]).toEqual(['马铃乡', '马铃乡']);
    expect(townOf('九眼井')).toBe('黔陶乡');
    for (const f of zones) expect(TOWNSHIPS, f.id).toContain(f.properties.town);
  });

  it('the 13 townships, the reserve, wetlands, scenic areas, rivers, reservoirs and parks', () => {
    expect(readLayer('admin_boundary').filter((f) => f.properties.level === 'township').map((f) => f.properties.name).sort()).toEqual([...TOWNSHIPS].sort());
    expect(names('nature_reserve').every((n) => n.startsWith('青岩油杉自然保护区'))).toBe(true);
    expect(names('wetland').sort()).toEqual(['花溪国家城市湿地公园', '阿哈湖国家湿地公园'].sort());
    const scenic = readLayer('scenic_area').map((f) => f.properties.scenicName);
    expect([...new Set(scenic)].sort()).toEqual(['天河潭', '青岩古镇'].sort());
    expect(names('river')).toEqual(expect.arrayContaining(['花溪河', '南明河', '青岩河', '马铃河', '赵司河', '老榜河', '车田河']));
    expect(names('reservoir')).toEqual(expect.arrayContaining(['花溪水库', '阿哈湖', '松柏山水库', '红岩水库', '大坪水库', '杨梅水库']));
    expect(names('industrial_park').sort()).toEqual(['燕楼产业园', '石板产业园', '花溪电镀产业园', '孟关汽贸城'].sort());
  });

  it('control units carry a ZH code by class and the four parts of the 准入清单', () => {
    for (const f of readLayer('control_unit')) {
      const digit = { priority: '1', key: '2', general: '3' }[f.properties.level as string];
      expect(f.properties.code, f.id).toMatch(new RegExp(`^ZH520111${digit}\\d{4}$`));
      for (const part of ['spatialConstraint', 'pollutionControl', 'riskControl', 'resourceEfficiency']) {
        expect(f.properties[part], `${f.id} ${part}`).toMatch(/\p{Script=Han}{10,}/u);
      }
    }
  });
});
