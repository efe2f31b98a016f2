import { useTranslation } from 'react-i18next';
import { PROJECTS_NS } from './i18n.ts';
import type { ProjectStatus } from '../../common/domain/review.ts';

/** 草稿 · 待审查 · 退回修改 · 已通过 · 不予通过, each with its own colour. */
export function StatusChip({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation(PROJECTS_NS);
  return (
    <span className={`status-chip status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
