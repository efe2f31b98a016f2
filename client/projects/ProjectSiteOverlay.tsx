import { useEffect, useMemo } from 'react';
import { useMapOverlay } from '../draw/useMapOverlay.ts';
import { useMap } from '../map/MapContext.tsx';
import { framePadding } from '../map/view.ts';
import { geometryBounds } from '../../common/geo/bbox.ts';
import type { Project } from './types.ts';
import { labelLayers, labelsOf, markerLayers, markersOf, shapeLayers } from './verdict-style.ts';

const SHAPES = shapeLayers('project-site', { emphasis: true });
const MARKERS = markerLayers('project-site', { emphasis: true });
const LABELS = labelLayers('project-site', { emphasis: true });

/** The open project's site on the map in the colour of its verdict; the map is fitted to it once. */
export function ProjectSiteOverlay({ project }: { project: Project }) {
  const map = useMap();
  const geometry = project.geometry;
  const data = useMemo<GeoJSON.FeatureCollection | null>(
    () =>
      geometry
        ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { id: project.id, name: project.name, verdict: project.verdict } }] }
        : null,
    [geometry, project.id, project.name, project.verdict],
  );
  useMapOverlay(map, 'project-site', data, SHAPES);
  useMapOverlay(map, 'project-site-markers', useMemo(() => (data ? markersOf(data) : null), [data]), MARKERS);
  useMapOverlay(map, 'project-site-labels', useMemo(() => (data ? labelsOf(data) : null), [data]), LABELS);
  const key = geometry ? `${project.id}:${JSON.stringify(geometryBounds(geometry))}` : null;
  useEffect(() => {
    if (!map || !geometry) return;
    // The name is written under the site: room for two lines of it above the map's bottom bar.
    map.fitBounds(geometryBounds(geometry), { padding: framePadding(70, 40), maxZoom: 15, duration: 600 });
    // Fitted again only when another project, or a moved site, is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}
