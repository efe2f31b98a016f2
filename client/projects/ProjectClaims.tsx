import { useTranslation } from 'react-i18next';
import { PROJECTS_NS } from './i18n.ts';
import type { Project } from './types.ts';

/** The applicant's own statements that change what the rules allow — to be verified before deciding. */
const CLAIMS = ['unavoidable', 'nationalMajorProject', 'temporary'] as const;

/**
 * 申请人主张: 必须且无法避让, 国家重大项目, 临时用地 — each with its legal effect, highlighted, because
 * the check took them at the applicant's word and the verdict rests on them until they are confirmed.
 */
export function ProjectClaims({ project }: { project: Project }) {
  const { t } = useTranslation(PROJECTS_NS);
  const claims = CLAIMS.filter((c) => (project.project as Record<string, unknown>)[c] === true);
  if (claims.length === 0) return null;
  return (
    <section className="project-section project-claims" data-testid="project-claims" aria-labelledby="project-claims-title">
      <h3 id="project-claims-title">{t('claims.title')}</h3>
      <ul>
        {claims.map((c) => (
          <li key={c} data-claim={c}>
            <strong>{t(`claims.${c}.name`)}</strong>
            <span>{t(`claims.${c}.effect`)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('claims.verify')}</p>
    </section>
  );
}
