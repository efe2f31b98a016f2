import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import { ATTACHMENT_ACCEPT, type AttachmentListItem } from '../../common/api/projects.ts';
import { attachmentUrl, uploadAttachment } from './projects-api.ts';

const sizeText = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 附件: 论证材料, 红线图 scans, Office files on the project (and its comments), each downloadable by
 * whoever may read the project. The owner and reviewers add them; the server checks the type by the
 * content and keeps the SHA-256, shown here so a printed copy can be matched to the stored one.
 */
export function ProjectAttachments({ projectId, items, loading, mayAdd, onAdded }: { projectId: number; items: AttachmentListItem[]; loading: boolean; mayAdd: boolean; onAdded(): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  const upload = async (file: File) => {
    setStatus({ kind: 'busy', text: t('attachments.uploading', { name: file.name }) });
    try {
      const a = await uploadAttachment(projectId, file);
      setStatus({ kind: 'done', text: t('attachments.added', { name: a.fileName }) });
      onAdded();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <section className="project-section project-attachments" data-testid="attachments">
      <h3>{t('attachments.title')}</h3>
      {items.length === 0 ? (
        <p className="muted">{loading ? t('page.loading') : t('attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id} data-attachment-id={a.id}>
              <a href={attachmentUrl(projectId, a.id)} download={a.fileName} data-action="download-attachment">
                {a.fileName}
              </a>
              <span className="muted">
                {sizeText(a.size)} · {a.uploadedBy} · {formatTime(a.createdAt)}
                {a.commentId ? ` · ${t('attachments.onComment', { id: a.commentId })}` : ''}
              </span>
              <code className="attachment-hash" title="SHA-256">
                SHA-256 {a.sha256.slice(0, 12)}…
              </code>
            </li>
          ))}
        </ul>
      )}
      {mayAdd && (
        <label className="attachment-add">
          <span>{t('attachments.add')}</span>
          <input
            ref={input}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            disabled={status?.kind === 'busy'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
            data-testid="attachment-input"
          />
          <span className="muted">{t('attachments.hint')}</span>
        </label>
      )}
      {status && (
        <p className={`project-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="attachment-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
