import { useTranslation } from 'react-i18next';
import { DRAW_TOOLS, type SiteTool } from './draw-modes.ts';
import { DRAW_NS } from './i18n.ts';
import { ToolIcon } from './ToolIcon.tsx';
import type { SiteDrawing } from './useSiteDrawing.ts';

/** Drawing tools, select/edit, undo/redo, delete, clear, snapping, and a one-line hint for the active tool. */
export function DrawToolbar({ drawing }: { drawing: SiteDrawing }) {
  const { t } = useTranslation(DRAW_NS);
  const toggle = (tool: SiteTool) => drawing.setTool(drawing.tool === tool ? null : tool);
  const hintKey = drawing.tool ?? 'idle';
  return (
    <div className="draw-toolbar">
      <div className="draw-tools" role="toolbar" aria-label={t('tools.label')}>
        {(['select', ...DRAW_TOOLS] as SiteTool[]).map((tool) => (
          <button
            key={tool}
            type="button"
            className="draw-tool"
            data-tool={tool}
            aria-pressed={drawing.tool === tool}
            disabled={!drawing.ready}
            title={t(`tools.${tool}`)}
            onClick={() => toggle(tool)}
          >
            <ToolIcon name={tool} />
            <span className="draw-tool-label">{t(`tools.${tool}`)}</span>
          </button>
        ))}
      </div>
      <div className="draw-actions">
        <button type="button" onClick={drawing.undo} disabled={!drawing.canUndo} title={t('tools.undo')} aria-label={t('tools.undo')} data-action="undo">
          <ToolIcon name="undo" />
        </button>
        <button type="button" onClick={drawing.redo} disabled={!drawing.canRedo} title={t('tools.redo')} aria-label={t('tools.redo')} data-action="redo">
          <ToolIcon name="redo" />
        </button>
        <button type="button" onClick={drawing.deleteSelected} disabled={!drawing.selectedId} title={t('tools.delete')} aria-label={t('tools.delete')} data-action="delete">
          <ToolIcon name="delete" />
        </button>
        <button
          type="button"
          onClick={() => window.confirm(t('tools.clearConfirm')) && drawing.clear()}
          disabled={drawing.features.length === 0}
          data-action="clear"
        >
          {t('tools.clear')}
        </button>
        <label className="draw-snapping">
          <input type="checkbox" checked={drawing.snapping} onChange={(e) => drawing.setSnapping(e.target.checked)} />
          {t('tools.snapping')}
        </label>
      </div>
      <p className="draw-hint" aria-live="polite">
        {t(`hint.${hintKey}`)}
      </p>
    </div>
  );
}
