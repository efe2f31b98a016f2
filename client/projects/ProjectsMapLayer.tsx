import { useEffect, useMemo, useRef, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { useAuth } from '../auth/auth-store.ts';
import { useMapOverlay } from '../draw/useMapOverlay.ts';
import { useMap } from '../map/MapContext.tsx';
import { framePadding } from '../map/view.ts';
import { openProject, useProjectNav } from './project-nav.ts';
import { getProjectsGeojson } from './projects-api.ts';
import { geometryBounds } from '../../common/geo/bbox.ts';
import { clickableLayerIds, labelLayers, labelsOf, markerLayers, markersOf, shapeLayers } from './verdict-style.ts';

const PREFIX = 'projects-register';
const SHAPES = shapeLayers(PREFIX);
const MARKERS = markerLayers(PREFIX);
const LABELS = labelLayers(PREFIX);

/**
 * The projects the user may see on the map (GET /api/projects.geojson), coloured by their latest
 * verdict; a click opens the project. Shown while the 项目 tab shows the register or the dashboard.
 */
export function ProjectsMapLayer({ fitToProjects = false }: { fitToProjects?: boolean }) {
  const map = useMap();
  const { user } = useAuth();
  const { dataVersion } = useProjectNav();
  const [data, setData] = useState<GeoJSON.FeatureCollection | null>(null);
  useEffect(() => {
    if (!user) return setData(null);
    const abort = new AbortController();
    getProjectsGeojson(abort.signal).then(setData, () => undefined);
    return () => abort.abort();
  }, [user, dataVersion]);
  // The dashboard frames every project once when it opens (they spread over the district).
  const fitted = useRef(false);
  useEffect(() => {
    if (!fitToProjects) fitted.current = false;
    else if (map && data && data.features.length > 0 && !fitted.current) {
      fitted.current = true;
      map.fitBounds(geometryBounds({ type: 'GeometryCollection', geometries: data.features.flatMap((f) => (f.geometry ? [f.geometry] : [])) }), {
        padding: framePadding(40),
        maxZoom: 14,
        duration: 600,
      });
    }
  }, [fitToProjects, map, data]);
  useMapOverlay(map, PREFIX, data, SHAPES);
  useMapOverlay(map, `${PREFIX}-markers`, useMemo(() => (data ? markersOf(data) : null), [data]), MARKERS);
  useMapOverlay(map, `${PREFIX}-labels`, useMemo(() => (data ? labelsOf(data) : null), [data]), LABELS);

  useEffect(() => {
    if (!map) return;
    const ids = clickableLayerIds(PREFIX);
    const onClick = (e: maplibregl.MapLayerMouseEvent) => {
      const id = Number(e.features?.[0]?.properties?.id);
      if (Number.isFinite(id)) openProject(id);
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    for (const id of ids) {
      map.on('click', id, onClick);
      map.on('mouseenter', id, enter);
      map.on('mouseleave', id, leave);
    }
    return () => {
      for (const id of ids) {
        map.off('click', id, onClick);
        map.off('mouseenter', id, enter);
        map.off('mouseleave', id, leave);
      }
      leave();
    };
  }, [map]);
  return null;
}
