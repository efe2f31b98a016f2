import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAreaAllUnits, formatLength } from '../../common/units/area-units.ts';
import { useProjectTypes } from '../check/useCatalogs.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { measureGeometry } from '../../common/geo/measure.ts';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import type { Project } from './types.ts';
import { useTypeLabel } from './useTypeLabel.ts';

/** The project's attributes as a planner files them: unit, account, type and flags, township, area, times. */
export function ProjectFacts({ project, children }: { project: Project; children?: ReactNode }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const lang = bilingualSide(i18n.language);
  const { label } = useTypeLabel();
  const { data: catalog } = useProjectTypes();
  const p = project;
  const flags = (catalog?.flags ?? []).filter((f) => f.valueType === 'boolean' && (p.project as Record<string, unknown>)[f.key] === true).map((f) => f[lang]);
  if (p.project.widthM) flags.push(t('page.widthM', { m: p.project.widthM }));
  // A pipeline or road is filed by its length (its area is its impact width, applied by the check).
  const kind = p.geometry?.type.replace('Multi', '');
  const size: [string, string] =
    kind === 'LineString' && p.geometry
      ? [t('page.length'), formatLength(measureGeometry(p.geometry).lengthM, lang)]
      : [t('page.area'), p.areaM2 > 0 ? formatAreaAllUnits(p.areaM2, lang) : kind === 'Point' ? t('page.pointSite') : '—'];
  const rows: [string, string][] = [
    [t('page.applicant'), p.applicant ?? '—'],
    [t('record.builder'), p.builder ?? '—'],
    [t('record.projectCode'), p.projectCode ?? '—'],
    [t('record.contact'), [p.contactName, p.contactPhone].filter(Boolean).join(' · ') || '—'],
    [t('record.landUse'), p.landUse ?? '—'],
    [t('record.investmentWan'), p.investmentWan === null ? '—' : t('record.investment', { value: p.investmentWan.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })],
    [t('page.owner'), p.owner.username],
    [t('page.type'), label(p.project.type)],
    [t('page.flags'), flags.length ? flags.join(lang === 'zh' ? '、' : ', ') : t('page.noFlags')],
    [t('page.township'), p.township ?? '—'],
    size,
    [t('page.version'), `v${p.version}`],
    [t('page.created'), formatTime(p.createdAt)],
    [t('page.submitted'), formatTime(p.submittedAt)],
    [t('page.decided'), formatTime(p.decidedAt)],
  ];
  return (
    <section className="project-section">
      <h3>{t('page.attributes')}</h3>
      <table className="project-facts">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.description && <p className="project-description">{p.description}</p>}
      {children}
    </section>
  );
}
