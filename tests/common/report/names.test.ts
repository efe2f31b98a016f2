import { describe, expect, it } from 'vitest';
import { citation, featureLabel } from '../../../common/report/names.ts';
import { ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';

describe('names in the reader’s language', () => {
  it('cites law and article, and says in English when the article number is still to be verified', () => {
    const verified = { law: '《中华人民共和国水污染防治法》', article: '第六十五条' };
    expect(citation(verified)).toBe('《中华人民共和国水污染防治法》第六十五条');
    expect(citation(verified, 'en')).toBe('《中华人民共和国水污染防治法》第六十五条');
    const unverified = { law: '《风景名胜区条例》', article: ARTICLE_UNVERIFIED };
    expect(citation(unverified, 'zh')).toBe('《风景名胜区条例》（条款号待核实）');
    expect(citation(unverified, 'en')).toBe('《风景名胜区条例》 (article number to be verified)');
    expect(citation({ law: '—', article: '' }, 'en')).toBe('—');
  });

  it('names a feature in English when the data has an English name, with its level in words', () => {
    const f = { id: 'ws-1', name: '花溪水库', nameEn: 'Huaxi Reservoir', level: 'grade1' };
    expect(featureLabel('water_source', f, 'zh')).toBe('花溪水库（一级保护区）');
    expect(featureLabel('water_source', f, 'en')).toBe('Huaxi Reservoir (Grade-1 zone)');
    // No English name (older stored checks, official data without one): the Chinese name, not the id.
    expect(featureLabel('water_source', { ...f, nameEn: undefined }, 'en')).toBe('花溪水库 (Grade-1 zone)');
    expect(featureLabel('eco_corridor', { id: 'c9', name: null, level: null }, 'en')).toBe('c9');
  });
});
