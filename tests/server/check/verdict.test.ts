import { describe, expect, it } from 'vitest';
import { VERDICTS, VERDICT_LABELS, bySeverityDesc, isVerdict, mostSevere, severity } from '../../../common/domain/verdict.ts';

describe('verdicts', () => {
  it('orders prohibited > conditional > notice > clear', () => {
    expect(severity('prohibited')).toBeGreaterThan(severity('conditional'));
    expect(severity('conditional')).toBeGreaterThan(severity('notice'));
    expect(severity('notice')).toBeGreaterThan(severity('clear'));
    expect(['clear', 'prohibited', 'notice', 'conditional'].sort((a, b) => bySeverityDesc(a as never, b as never))).toEqual([...VERDICTS]);
  });

  it('picks the most severe, and clear when nothing fired', () => {
    expect(mostSevere()).toBe('clear');
    expect(mostSevere('notice', 'clear')).toBe('notice');
    expect(mostSevere('notice', 'prohibited', 'conditional')).toBe('prohibited');
    expect(mostSevere('conditional', 'notice')).toBe('conditional');
  });

  it('has the Chinese and English labels of the product', () => {
    expect(Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_LABELS[v].zh]))).toEqual({
      prohibited: '禁止',
      conditional: '有条件允许',
      notice: '提示',
      clear: '无冲突',
    });
    for (const v of VERDICTS) expect(VERDICT_LABELS[v].en.length).toBeGreaterThan(0);
  });

  it('recognises verdict strings', () => {
    expect(isVerdict('notice')).toBe(true);
    expect(isVerdict('forbidden')).toBe(false);
    expect(isVerdict(3)).toBe(false);
  });
});
