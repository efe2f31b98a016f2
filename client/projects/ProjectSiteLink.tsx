import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { errorText } from '../auth/api-fetch.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { usePanelSlot } from '../check/panel-slot.ts';
import type { SitePanelState } from '../check/SitePanelContent.tsx';
import type { SiteDrawing } from '../draw/useSiteDrawing.ts';
import { PROJECTS_NS } from './i18n.ts';
import { openProjectPage, projectDataChanged } from './project-nav.ts';
import { editProjectSite } from './projects-api.ts';
import { geometryBounds } from '../../common/geo/bbox.ts';
import { clearPendingSite, endSiteEdit, siteParts, useSiteHandoff } from './site-handoff.ts';
import './projects.css';

/**
 * The project side of the site workspace (mounted inside SiteWorkspace): loads a project's site
 * handed over by the project page into the drawing tools and the project form, and while it is
 * being edited shows a banner on top of the 绘制与核查 tab to save the drawn site back to the
 * project (PATCH with the version it started from) or to give up.
 */
export function ProjectSiteLink({
  map,
  drawing,
  geometry,
  project,
  update,
}: {
  map: maplibregl.Map | null;
  drawing: SiteDrawing;
  geometry: GeoJSON.Geometry | null;
  project: ProjectInput;
  update: (patch: Partial<SitePanelState>) => void;
}) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const slot = usePanelSlot();
  const { pending, editing } = useSiteHandoff();
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!pending || !drawing.ready) return;
    clearPendingSite();
    const { widthM, ...attributes } = pending.project;
    drawing.setTool(null);
    drawing.replaceAll(siteParts(pending.geometry));
    update({ siteName: pending.name, project: attributes, widthM: widthM ?? null });
    setStatus(null);
    map?.fitBounds(geometryBounds(pending.geometry), { padding: 80, maxZoom: 16, duration: 0 });
  }, [pending, drawing, update, map]);

  if (!editing || !slot) return null;
  const backToProject = () => {
    endSiteEdit();
    openProjectPage(editing.projectId);
  };
  const save = async () => {
    if (!geometry) return setStatus({ kind: 'error', text: t('site.noSite') });
    setStatus({ kind: 'busy', text: t('site.saving') });
    try {
      await editProjectSite(editing.projectId, editing.version, geometry, project);
      projectDataChanged();
      setStatus(null);
      backToProject();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };
  return createPortal(
    <div className="project-site-banner" role="region" aria-label={t('site.banner', { id: editing.projectId, name: editing.name })} data-testid="project-site-banner">
      <strong>{t('site.banner', { id: editing.projectId, name: editing.name })}</strong>
      <div className="project-site-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={status?.kind === 'busy'} data-action="save-site-to-project">
          {status?.kind === 'busy' ? t('site.saving') : t('site.save')}
        </button>
        <button type="button" onClick={backToProject} data-action="discard-site-edit">
          {t('site.discard')}
        </button>
      </div>
      {status?.kind === 'error' && (
        <p className="project-status is-error" role="alert">
          {status.text}
        </p>
      )}
    </div>,
    slot,
  );
}
