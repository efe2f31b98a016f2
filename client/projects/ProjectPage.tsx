import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
import { CHECK_NS } from '../check/i18n.ts';
import { layerNamings, useLayerCatalog } from '../check/useCatalogs.ts';
import { VerdictBadge } from '../check/VerdictBadge.tsx';
import { useMap } from '../map/MapContext.tsx';
import { ReportOverlay } from '../report/ReportOverlay.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { CheckHistory } from './CheckHistory.tsx';
import { CommentThread } from './CommentThread.tsx';
import { DecisionBox } from './DecisionBox.tsx';
import { ProjectAttachments } from './ProjectAttachments.tsx';
import { ProjectClaims } from './ProjectClaims.tsx';
import { ProjectEvidence } from './ProjectEvidence.tsx';
import { ProjectRecordForm } from './ProjectRecordForm.tsx';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import { OwnerActions } from './OwnerActions.tsx';
import { projectDataChanged, showRegister, useProjectNav } from './project-nav.ts';
import { ProjectFacts } from './ProjectFacts.tsx';
import { ProjectSiteOverlay } from './ProjectSiteOverlay.tsx';
import { reviewOf } from './report-review.ts';
import { getAudit, getChecks, getComments, getProject, listAttachments, setArchived } from './projects-api.ts';
import { StatusChip } from './StatusChip.tsx';
import type { CheckRun } from './types.ts';
import { useApiData } from './useApiData.ts';

/**
 * One project, ordered for review (issue 19): the evidence first — the verdict table of the latest
 * check and, on the map, the site with its overlaps and the conflicting layers on — then the claims
 * the applicant made (highlighted with their legal effect), the record and its attachments, the
 * latest 审查意见, the check history and the discussion; the decision (or the applicant's actions)
 * last, after all of it; the audit trail at the end. The report (with the decision) from any check.
 */
export function ProjectPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const { user } = useAuth();
  const map = useMap();
  const { dataVersion } = useProjectNav();
  const keys = [id, dataVersion];
  const project = useApiData(() => getProject(id), keys);
  const checks = useApiData(() => getChecks(id), keys);
  const comments = useApiData(() => getComments(id), keys);
  const audit = useApiData(() => getAudit(id), keys);
  const attachments = useApiData(() => listAttachments(id), keys);
  const { data: catalog } = useLayerCatalog();
  const layers = useMemo(() => layerNamings(catalog), [catalog]);
  const [reportRun, setReportRun] = useState<CheckRun | null>(null);
  const closeReport = useCallback(() => setReportRun(null), []);

  const p = project.data;
  const reportReview = useMemo(() => (p && reportRun ? reviewOf(p, reportRun) : undefined), [p, reportRun]);
  const runs = checks.data ?? [];
  const latest = runs[0];
  const back = (
    <button type="button" className="link-button project-back" onClick={showRegister} data-action="back-to-register">
      ← {t('page.back')}
    </button>
  );
  if (!p || p.id !== id) {
    return (
      <div className="project-page">
        {back}
        {project.error !== null ? (
          <p className="panel-state" role="alert">
            {errorText(project.error, i18n.language)}
          </p>
        ) : (
          <p className="panel-state">{t('page.loading')}</p>
        )}
      </div>
    );
  }
  const isOwner = user?.id === p.owner.id;
  const ownerMayAct = isOwner && (p.status === 'draft' || p.status === 'revision_requested');
  const reviewerMayDecide = user?.role === 'reviewer' && p.status === 'submitted';
  const decision = p.lastDecision;
  const mayAttach = isOwner || user?.role === 'reviewer' || user?.role === 'admin';
  const archived = p.archivedAt !== null;

  return (
    <div className="project-page" data-testid="project-page" data-project-id={p.id} data-status={p.status} data-version={p.version}>
      <ProjectSiteOverlay project={p} />
      {back}
      <header className="project-header">
        <h2 className="project-title">
          {p.name} <span className="project-number">#{p.id}</span>
        </h2>
        <div className="project-state">
          <StatusChip status={p.status} />
          <VerdictBadge verdict={p.verdict} size="large" />
          {p.checkStale && <span className="stale-chip" data-testid="check-stale">{t('page.checkStale')}</span>}
          {p.layerUpdate?.verdictChanged && (
            <span className="stale-chip" data-testid="layer-update-changed">
              {t('page.layerUpdateChanged', { before: p.layerUpdate.verdictBefore ? tc(`verdict.${p.layerUpdate.verdictBefore}`) : '—' })}
            </span>
          )}
          {latest && (
            <button type="button" className="primary project-report" onClick={() => setReportRun(latest)} data-action="project-report">
              {latest.decision ? t('page.report') : t('page.reportPlain')}
            </button>
          )}
        </div>
        {!p.verdict && <p className="muted">{t('page.notChecked')}</p>}
        {p.status === 'submitted' && p.waitingWorkingDays != null && (
          <p className={p.overdue ? 'waiting is-overdue' : 'waiting muted'} data-testid="waiting-time" data-overdue={p.overdue ? 'true' : 'false'}>
            {t(p.overdue ? 'page.overdue' : 'page.waiting', { days: p.waitingWorkingDays })}
          </p>
        )}
        {archived && (
          <p className="archived-note" data-testid="archived-note">
            {t('page.archived', { time: formatTime(p.archivedAt) })}
          </p>
        )}
        {user?.role === 'admin' && (
          <button
            type="button"
            className="link-button project-archive"
            onClick={() => void setArchived(p.id, !archived).then(projectDataChanged)}
            data-action={archived ? 'unarchive-project' : 'archive-project'}
          >
            {archived ? t('page.unarchive') : t('page.archive')}
          </button>
        )}
      </header>

      {latest && <ProjectEvidence run={latest} layers={layers} />}
      <ProjectClaims project={p} />

      {decision && (
        <section className={`project-section last-decision decision-tone-${decision.decision}`} data-testid="last-decision">
          <h3>{t('page.lastDecision')}</h3>
          <div className="last-decision-head">
            <strong>{t(`decision.${decision.decision}`)}</strong>
            <span className="muted">{t('page.decisionBy', { reviewer: decision.reviewer, time: formatTime(decision.at) })}</span>
          </div>
          <p className="last-decision-comment">{decision.comment}</p>
          {decision.checkId && latest && decision.checkId !== latest.id && <p className="muted">{t('page.staleDecision', { id: decision.checkId })}</p>}
        </section>
      )}

      <ProjectFacts project={p}>{ownerMayAct && !archived && <ProjectRecordForm project={p} onSaved={projectDataChanged} />}</ProjectFacts>
      <ProjectAttachments projectId={p.id} items={attachments.data ?? []} loading={attachments.loading} mayAdd={mayAttach} onAdded={projectDataChanged} />

      <CheckHistory runs={runs} layers={layers} onReport={setReportRun} />
      <CommentThread projectId={p.id} comments={comments.data ?? []} runs={runs} attachments={attachments.data ?? []} mayAttach={mayAttach} onPosted={projectDataChanged} />

      {reviewerMayDecide && !archived && <DecisionBox project={p} onDecided={projectDataChanged} />}
      {ownerMayAct && !archived && <OwnerActions project={p} onChanged={projectDataChanged} />}

      <AuditTrail entries={audit.data ?? []} />

      {reportRun && (
        <ReportOverlay
          map={map}
          result={reportRun.result}
          project={p.project}
          siteName={p.name}
          layers={layers}
          review={reportReview}
          checkId={reportRun.id}
          onClose={closeReport}
        />
      )}
    </div>
  );
}
