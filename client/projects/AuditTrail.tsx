import { useTranslation } from 'react-i18next';
import { CHECK_NS } from '../check/i18n.ts';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import type { AuditEntryView as AuditEntry } from '../../common/api/projects.ts';

/** What the audit row says beyond who and when: the verdict, the decision comment, the fields changed. */
function useDetail() {
  const { t } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  return (entry: AuditEntry): string[] => {
    const d = entry.detail;
    const lines: string[] = [];
    if (typeof d.verdict === 'string') lines.push(t('audit.verdict', { verdict: tc(`verdict.${d.verdict}`) }) + (d.resubmission ? t('audit.resubmission') : ''));
    if (Array.isArray(d.fields) && d.fields.length) {
      lines.push(t('audit.fields', { fields: d.fields.map((f) => t(`audit.field.${String(f)}`, { defaultValue: String(f) })).join('、') }));
    }
    if (typeof d.comment === 'string') lines.push(`「${d.comment}」`);
    return lines;
  };
}

/** 审计记录: every step of the project, oldest first, with who, when and (for reviewers) from where. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation(PROJECTS_NS);
  const detail = useDetail();
  return (
    <section className="project-section" data-testid="audit-trail">
      <h3>{t('audit.title')}</h3>
      {entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      <ol className="audit-list">
        {entries.map((e) => (
          <li key={e.id} className="audit-entry" data-action={e.action}>
            <div className="audit-head">
              <strong>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</strong>
              <span>{e.actor ?? t('audit.system')}</span>
              <span className="muted">{formatTime(e.at)}</span>
            </div>
            {detail(e).map((line, i) => (
              <div key={i} className="audit-detail">
                {line}
              </div>
            ))}
            {e.ip && <div className="audit-detail muted">{t('audit.ip', { ip: e.ip })}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
