import { useTranslation } from 'react-i18next';
import { bilingualSide } from '../i18n/bundle.ts';
import type { ProjectFlag, ProjectType } from '../../common/domain/development.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { CHECK_NS } from './i18n.ts';
import { useProjectTypes } from './useCatalogs.ts';

/** Project type, flags and screening distance; every change re-checks the site. */
export function ProjectForm({
  project,
  onProject,
  bufferM,
  onBufferM,
}: {
  project: ProjectInput;
  onProject: (project: ProjectInput) => void;
  bufferM: number;
  onBufferM: (bufferM: number) => void;
}) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const lang = bilingualSide(i18n.language);
  const { data: catalog } = useProjectTypes();
  const flags = catalog?.flags.filter((f) => f.valueType === 'boolean') ?? [];
  return (
    <fieldset className="project-form">
      <legend>{t('project.title')}</legend>
      <label className="project-type">
        <span>{t('project.type')}</span>
        <select value={project.type} onChange={(e) => onProject({ ...project, type: e.target.value as ProjectType })} data-testid="project-type">
          {(catalog?.types ?? [{ key: project.type, code: '', zh: project.type, en: project.type }]).map((type) => (
            <option key={type.key} value={type.key}>
              {lang === 'zh' ? type.zh : type.en}
            </option>
          ))}
        </select>
      </label>
      <div className="project-flags" role="group" aria-label={t('project.flags')}>
        {flags.map((flag) => (
          <label key={flag.key} title={lang === 'zh' ? flag.hint.zh : flag.hint.en} className="project-flag">
            <input
              type="checkbox"
              data-flag={flag.key}
              checked={project[flag.key as ProjectFlag] === true}
              onChange={(e) => onProject({ ...project, [flag.key]: e.target.checked })}
            />
            {lang === 'zh' ? flag.zh : flag.en}
          </label>
        ))}
      </div>
      <label className="project-buffer">
        <span>{t('project.bufferM')}</span>
        <input
          type="number"
          min={0}
          max={5000}
          step={50}
          value={bufferM}
          data-testid="buffer-m"
          onChange={(e) => {
            const value = e.target.valueAsNumber;
            if (Number.isFinite(value) && value >= 0 && value <= 5000) onBufferM(value);
          }}
        />
      </label>
    </fieldset>
  );
}
