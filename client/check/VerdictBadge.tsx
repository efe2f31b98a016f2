import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../common/domain/verdict.ts';
import { CHECK_NS } from './i18n.ts';

/** 禁止 red · 有条件允许 orange · 提示 blue · 无冲突 green (the same colours as the report and the map). */
export function VerdictBadge({ verdict, size = 'normal', pending = false }: { verdict: Verdict | null; size?: 'normal' | 'large' | 'small'; pending?: boolean }) {
  const { t } = useTranslation(CHECK_NS);
  return (
    <span
      className={`verdict-badge verdict-${verdict ?? 'none'} is-${size}${pending ? ' is-pending' : ''}`}
      data-testid={size === 'large' ? 'verdict-badge' : undefined}
      data-verdict={verdict ?? 'none'}
    >
      {t(`verdict.${verdict ?? 'none'}`)}
    </span>
  );
}
