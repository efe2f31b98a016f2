import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawModeUndoRedo, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { createDrawModes, type SiteTool } from './draw-modes.ts';
import { SnapshotHistory } from './history.ts';
import type { SiteFeature, SiteOrigin } from './site-features.ts';
import { fromStoreFeature, isEditableInTerraDraw, limitPrecision, modeFor } from './site-snapshot.ts';
import { controlEdgeSnapping } from './snapping.ts';

/** The proposed site as drawn and edited on the map, with tools, selection and undo/redo. */
export interface SiteDrawing {
  ready: boolean;
  tool: SiteTool | null;
  setTool(tool: SiteTool | null): void;
  /** Every part of the site: terra-draw's (editable) and the fixed ones (holes, multi-part). */
  features: SiteFeature[];
  selectedId: string | null;
  /** A shape is being drawn right now (the site is provisional). */
  isDrawing: boolean;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  removeFeature(id: string): void;
  deleteSelected(): void;
  clear(): void;
  /** Replaces the parts of one origin (e.g. the parcels of the previous import) in one undo step. */
  replaceOrigin(origin: SiteOrigin, parts: SiteFeature[]): void;
  replaceAll(parts: SiteFeature[]): void;
  finishDrawing(): void;
  cancelDrawing(): void;
  snapping: boolean;
  setSnapping(on: boolean): void;
}

function toStoreFeature(part: SiteFeature): GeoJSONStoreFeatures {
  return {
    type: 'Feature',
    id: part.id,
    geometry: limitPrecision(part.geometry) as GeoJSONStoreFeatures['geometry'],
    properties: { ...(part.properties as Record<string, string>), mode: modeFor(part) },
  };
}

export function useSiteDrawing(map: maplibregl.Map | null): SiteDrawing {
  const drawRef = useRef<TerraDraw | null>(null);
  const fixedRef = useRef<SiteFeature[]>([]);
  const historyRef = useRef(new SnapshotHistory<SiteFeature[]>([]));
  const restoringRef = useRef(false);
  const snappingRef = useRef(false);
  const frameRef = useRef(0);
  const [ready, setReady] = useState(false);
  const [features, setFeatures] = useState<SiteFeature[]>([]);
  const [tool, setToolState] = useState<SiteTool | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isDrawing, setIsDrawing] = useState(false);
  const [undoState, setUndoState] = useState({ canUndo: false, canRedo: false });
  const [snapping, setSnappingState] = useState(false);

  /** Parts in the order they were loaded (a file's parcel order); newly drawn ones after them. */
  const orderRef = useRef<string[]>([]);
  const readSite = useCallback((): SiteFeature[] => {
    const drawn = drawRef.current?.getSnapshot().map(fromStoreFeature) ?? [];
    const parts = [...drawn.filter((f): f is SiteFeature => f !== null), ...fixedRef.current];
    const rank = (id: string) => {
      const i = orderRef.current.indexOf(id);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return parts.map((part, i) => ({ part, i })).sort((a, b) => rank(a.part.id) - rank(b.part.id) || a.i - b.i).map(({ part }) => part);
  }, []);

  /** React state follows terra-draw at most once per frame (it changes on every pointer move). */
  const sync = useCallback(() => {
    cancelAnimationFrame(frameRef.current);
    frameRef.current = requestAnimationFrame(() => {
      const draw = drawRef.current;
      const drawing = draw?.getModeState() === 'drawing';
      setFeatures(readSite());
      setIsDrawing(drawing);
      setUndoState({
        canUndo: historyRef.current.canUndo() || Boolean(drawing && draw?.canUndo()),
        canRedo: historyRef.current.canRedo() || Boolean(drawing && draw?.canRedo()),
      });
    });
  }, [readSite]);

  const commit = useCallback(() => {
    historyRef.current.commit(readSite());
    sync();
  }, [readSite, sync]);

  /** Puts a snapshot on the map: editable parts into terra-draw, the rest as fixed parts. */
  const load = useCallback(
    (parts: SiteFeature[]) => {
      const draw = drawRef.current;
      restoringRef.current = true;
      orderRef.current = parts.map((p) => p.id);
      try {
        fixedRef.current = parts.filter((p) => !isEditableInTerraDraw(p));
        if (draw) {
          draw.clear();
          const editable = parts.filter(isEditableInTerraDraw);
          const results = editable.length ? draw.addFeatures(editable.map(toStoreFeature)) : [];
          results.forEach((r, i) => {
            if (!r.valid) fixedRef.current.push(editable[i]);
          });
        }
      } finally {
        restoringRef.current = false;
      }
      setSelectedId(null);
      sync();
    },
    [sync],
  );

  useEffect(() => {
    if (!map) return;
    let draw: TerraDraw | null = null;
    const start = () => {
      const instance = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
        modes: createDrawModes(controlEdgeSnapping(map, () => snappingRef.current)),
        undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
      });
      instance.start();
      instance.on('change', () => {
        if (!restoringRef.current) sync();
      });
      instance.on('finish', (id, context) => {
        historyRef.current.commit(readSite());
        sync();
        // A finished shape is selected for editing straight away (one site, refined in place).
        if (context.action === 'draw') {
          setTimeout(() => {
            if (drawRef.current !== instance || !instance.hasFeature(id)) return;
            instance.setMode('select');
            setToolState('select');
            instance.selectFeature(id);
          }, 0);
        }
      });
      instance.on('select', (id) => setSelectedId(String(id)));
      instance.on('deselect', () => setSelectedId(null));
      draw = instance;
      drawRef.current = instance;
      load(historyRef.current.current);
      setToolState(null);
      setReady(true);
    };
    try {
      start();
    } catch {
      map.once('idle', start); // the style was still loading
    }
    return () => {
      map.off('idle', start);
      cancelAnimationFrame(frameRef.current);
      try {
        draw?.stop();
      } catch {
        // The map may already be gone.
      }
      drawRef.current = null;
      setReady(false);
    };
  }, [map, load, readSite, sync]);

  const setTool = useCallback(
    (next: SiteTool | null) => {
      const draw = drawRef.current;
      if (!draw) return;
      draw.setMode(next ?? 'static');
      setToolState(next);
      sync();
    },
    [sync],
  );

  const undo = useCallback(() => {
    const draw = drawRef.current;
    if (draw?.getModeState() === 'drawing') {
      if (draw.canUndo()) draw.undo(); // the last vertex of the shape being drawn
      sync();
      return;
    }
    const previous = historyRef.current.undo();
    if (previous) load(previous);
  }, [load, sync]);

  const redo = useCallback(() => {
    const draw = drawRef.current;
    if (draw?.getModeState() === 'drawing') {
      if (draw.canRedo()) draw.redo();
      sync();
      return;
    }
    const next = historyRef.current.redo();
    if (next) load(next);
  }, [load, sync]);

  const removeFeature = useCallback(
    (id: string) => {
      const draw = drawRef.current;
      if (fixedRef.current.some((f) => f.id === id)) fixedRef.current = fixedRef.current.filter((f) => f.id !== id);
      else if (draw?.hasFeature(id)) draw.removeFeatures([id]);
      else return;
      if (selectedId === id) setSelectedId(null);
      commit();
    },
    [commit, selectedId],
  );

  const pressKey = useCallback(
    (key: string) => {
      const canvas = map?.getCanvas();
      if (!canvas) return;
      for (const type of ['keydown', 'keyup']) canvas.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true }));
    },
    [map],
  );

  const replaceAll = useCallback((parts: SiteFeature[]) => { load(parts); commit(); }, [commit, load]);

  return useMemo(
    () => ({
      ready,
      tool,
      setTool,
      features,
      selectedId,
      isDrawing,
      ...undoState,
      undo,
      redo,
      removeFeature,
      deleteSelected: () => selectedId && removeFeature(selectedId),
      clear: () => replaceAll([]),
      replaceOrigin: (origin: SiteOrigin, parts: SiteFeature[]) => replaceAll([...readSite().filter((f) => f.properties.origin !== origin), ...parts]),
      replaceAll,
      // terra-draw finishes on Enter and cancels on Escape pressed on the map canvas.
      finishDrawing: () => pressKey('Enter'),
      cancelDrawing: () => pressKey('Escape'),
      snapping,
      setSnapping: (on: boolean) => {
        snappingRef.current = on;
        setSnappingState(on);
      },
    }),
    [ready, tool, setTool, features, selectedId, isDrawing, undoState, undo, redo, removeFeature, replaceAll, readSite, pressKey, snapping],
  );
}
