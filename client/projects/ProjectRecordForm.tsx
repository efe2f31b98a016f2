import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { PROJECTS_NS } from './i18n.ts';
import { editProjectRecord, type RecordChange } from './projects-api.ts';
import type { Project } from './types.ts';

const TEXT_FIELDS = ['applicant', 'builder', 'projectCode', 'contactName', 'contactPhone', 'landUse'] as const;
const MAX: Record<(typeof TEXT_FIELDS)[number], number> = { applicant: 200, builder: 200, projectCode: 100, contactName: 100, contactPhone: 50, landUse: 100 };

/** The project record (申请单位, 建设单位, 项目代码, 联系人, 电话, 用地性质, 投资, 说明), editable by its owner while open. */
export function ProjectRecordForm({ project, onSaved }: { project: Project; onSaved(): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const [open, setOpen] = useState(false);
  const initial = () => ({
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, project[f] ?? ''])),
    investmentWan: project.investmentWan === null ? '' : String(project.investmentWan),
    description: project.description ?? '',
  });
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; text: string } | null>(null);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => (setValues(initial()), setOpen(true))} data-action="edit-record">
        {t('record.edit')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const change: RecordChange = {};
    for (const f of TEXT_FIELDS) change[f] = values[f].trim() || null;
    change.description = values.description.trim() || null;
    const inv = values.investmentWan.trim();
    change.investmentWan = inv === '' ? null : Number(inv);
    setStatus({ kind: 'busy', text: t('record.saving') });
    try {
      await editProjectRecord(project.id, project.version, change);
      setStatus(null);
      setOpen(false);
      onSaved();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err, i18n.language) });
    }
  };
  const field = (key: string, input: ReactElement) => (
    <label key={key}>
      <span>{t(`record.${key}`)}</span>
      {input}
    </label>
  );
  return (
    <form className="project-record-form" onSubmit={submit} data-testid="record-form">
      {TEXT_FIELDS.map((f) =>
        field(f, <input value={values[f]} maxLength={MAX[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} data-record={f} type={f === 'contactPhone' ? 'tel' : 'text'} />),
      )}
      {field(
        'investmentWan',
        <input type="number" min={0} step="0.01" inputMode="decimal" value={values.investmentWan} onChange={(e) => setValues({ ...values, investmentWan: e.target.value })} data-record="investmentWan" />,
      )}
      {field('description', <textarea rows={3} maxLength={5000} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} data-record="description" />)}
      <div className="record-buttons">
        <button type="submit" className="primary" disabled={status?.kind === 'busy'} data-action="save-record">
          {t('record.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('owner.cancel')}
        </button>
      </div>
      {status && (
        <p className={`project-status is-${status.kind === 'error' ? 'error' : 'busy'}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
