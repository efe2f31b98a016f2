import { useRef, useState } from 'react';
import { ATTACHMENT_ACCEPT, type AttachmentListItem } from '../../common/api/projects.ts';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { AUTH_NS } from '../auth/i18n.ts';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import { addComment, attachmentUrl, uploadAttachment } from './projects-api.ts';
import type { CheckRun, ProjectComment } from './types.ts';

/**
 * The project's discussion: comments threaded by reply, each tied to the check run it is about
 * (a reply to its parent's run; a new comment to the run chosen, by default the latest). A
 * reviewer's decision comment appears here too, marked 审查意见. Files sent with a comment (a scan of
 * the 红线图, a 论证 PDF) are attachments of the project tied to that comment, listed under it.
 */
export function CommentThread({ projectId, comments, runs, attachments, mayAttach, onPosted }: {
  projectId: number;
  comments: ProjectComment[];
  runs: CheckRun[];
  attachments: AttachmentListItem[];
  mayAttach: boolean;
  onPosted(): void;
}) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: ta } = useTranslation(AUTH_NS);
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<ProjectComment | null>(null);
  const [checkId, setCheckId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const children = (parentId: number | null) => comments.filter((c) => c.parentId === parentId);

  const post = async () => {
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const comment = await addComment(projectId, body.trim(), replyTo ? { parentId: replyTo.id } : checkId ? { checkId: Number(checkId) } : {});
      setBody('');
      setReplyTo(null);
      // The comment stands even if a file is refused (type, size): every file is tried, and the
      // error names each one refused and why.
      const refused: string[] = [];
      for (const file of files) {
        try {
          await uploadAttachment(projectId, file, comment.id);
        } catch (e) {
          refused.push(`${file.name}（${errorText(e, i18n.language)}）`);
        }
      }
      if (refused.length > 0) setError(`${t('comments.attachFailed')}${refused.join('；')}`);
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
      onPosted();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const render = (c: ProjectComment) => (
    <li key={c.id} className={`comment${c.decisionId ? ' is-decision' : ''}`} data-comment-id={c.id}>
      <div className="comment-head">
        <strong>{c.author.username}</strong>
        <span className="muted">{ta(`role.${c.author.role}`, { defaultValue: c.author.role })}</span>
        <span className="muted">{formatTime(c.createdAt)}</span>
        {c.decisionId && <span className="comment-tag">{t('comments.decisionTag')}</span>}
        {c.checkId && <span className="comment-check">{t('comments.onCheck', { id: c.checkId })}</span>}
      </div>
      <p className="comment-body">{c.body}</p>
      {attachments.some((a) => a.commentId === c.id) && (
        <ul className="comment-attachments" data-testid="comment-attachments">
          {attachments.filter((a) => a.commentId === c.id).map((a) => (
            <li key={a.id}>
              📎 <a href={attachmentUrl(projectId, a.id)} download={a.fileName}>{a.fileName}</a>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={() => setReplyTo(c)} data-action="reply">
        {t('comments.reply')}
      </button>
      {children(c.id).length > 0 && <ul className="comment-replies">{children(c.id).map(render)}</ul>}
    </li>
  );

  return (
    <section className="project-section" data-testid="comments">
      <h3>{t('comments.title')}</h3>
      {comments.length === 0 && <p className="muted">{t('comments.empty')}</p>}
      <ul className="comment-thread">{children(null).map(render)}</ul>
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void post();
        }}
      >
        {replyTo ? (
          <div className="comment-replying">
            {t('comments.replyTo', { author: replyTo.author.username })}{' '}
            <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
              {t('comments.cancelReply')}
            </button>
          </div>
        ) : (
          runs.length > 0 && (
            <label className="comment-check-select">
              <span>{t('comments.checkRun')}</span>
              <select value={checkId} onChange={(e) => setCheckId(e.target.value)}>
                <option value="">{t('comments.latest')}</option>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t('history.run', { id: r.id })}
                  </option>
                ))}
              </select>
            </label>
          )
        )}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} placeholder={t('comments.placeholder')} data-testid="comment-body" />
        {mayAttach && (
          <label className="comment-files">
            <span>{t('comments.attach')}</span>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept={ATTACHMENT_ACCEPT}
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
              data-testid="comment-files"
            />
          </label>
        )}
        {error && (
          <p className="project-status is-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !body.trim()} data-action="post-comment">
          {t('comments.send')}
        </button>
      </form>
    </section>
  );
}
