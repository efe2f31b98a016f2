import { useTranslation } from 'react-i18next';
import { formatHectares, formatMu } from '../../common/units/area-units.ts';
import { VerdictBadge } from '../check/VerdictBadge.tsx';
import { CHECK_NS } from '../check/i18n.ts';
import { formatDate } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import { StatusChip } from './StatusChip.tsx';
import type { Project } from './types.ts';

/** One row of the register: name, status, verdict, type, township, area, applicant, last change. */
export function ProjectListItem({ project, typeLabel, onOpen }: { project: Project; typeLabel: string; onOpen(): void }) {
  const { t } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const p = project;
  return (
    <li className="register-item" data-project-id={p.id} data-status={p.status} data-verdict={p.verdict ?? 'none'}>
      {/* A link: its address can be copied or opened in a new tab; a plain click opens it here. */}
      <a
        href={`/projects/${p.id}`}
        className="register-open"
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          onOpen();
        }}
        data-testid="open-project"
      >
        <span className="register-line">
          <span className="register-name">{p.name}</span>
          <span className="register-id">#{p.id}</span>
        </span>
        <span className="register-line register-tags">
          <StatusChip status={p.status} />
          <VerdictBadge verdict={p.verdict} size="small" />
          {p.checkStale && <span className="stale-chip" data-testid="check-stale">{t('page.checkStale')}</span>}
          {p.layerUpdate?.verdictChanged && (
            <span className="stale-chip" data-testid="layer-update-changed">
              {t('page.layerUpdateChanged', { before: p.layerUpdate.verdictBefore ? tc(`verdict.${p.layerUpdate.verdictBefore}`) : '—' })}
            </span>
          )}
          {p.overdue && <span className="overdue-chip" data-testid="overdue">{t('register.overdue', { days: p.waitingWorkingDays })}</span>}
          {p.archivedAt && <span className="stale-chip">{t('register.archived')}</span>}
          <span className="register-type">{typeLabel}</span>
        </span>
        <span className="register-line register-meta muted">
          <span>{p.township ?? '—'}</span>
          {p.areaM2 > 0 && <span>{t('register.area', { ha: formatHectares(p.areaM2), mu: formatMu(p.areaM2) })}</span>}
          <span>{t('register.updated', { date: formatDate(p.updatedAt) })}</span>
        </span>
        {(p.applicant || p.builder || p.projectCode) && (
          <span className="register-line register-applicant muted">{[p.applicant, p.builder !== p.applicant ? p.builder : null, p.projectCode].filter(Boolean).join(' · ')}</span>
        )}
      </a>
    </li>
  );
}
