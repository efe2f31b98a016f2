import {
  TerraDrawCircleMode,
  TerraDrawFreehandMode,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  type SnapToCustom,
} from 'terra-draw';

/** The drawing tools offered to planners, in toolbar order. */
export const DRAW_TOOLS = ['polygon', 'rectangle', 'circle', 'freehand', 'linestring', 'point'] as const;
type DrawTool = (typeof DRAW_TOOLS)[number];
export type SiteTool = DrawTool | 'select';

/** The site's colour on the map: violet, apart from the four verdict colours and the layer palette. */
export const SITE_COLOUR = '#6d28d9';

const editable = (snap: SnapToCustom) => ({
  feature: {
    draggable: true,
    // Self-intersections are allowed while editing and flagged (and refused on save) instead.
    selfIntersectable: true,
    coordinates: { draggable: true, deletable: true, midpoints: true, snappable: { toCustom: snap } },
  },
});

/** terra-draw modes: select (vertex edit, drag, delete) plus one mode per drawing tool. */
export function createDrawModes(snap: SnapToCustom) {
  const polygonStyles = { fillColor: SITE_COLOUR, fillOpacity: 0.15, outlineColor: SITE_COLOUR, outlineWidth: 2.5 } as const;
  return [
    new TerraDrawSelectMode({
      // Delete is handled by the panel's keyboard shortcuts, which also keep the undo history.
      keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
      flags: {
        polygon: editable(snap),
        freehand: editable(snap),
        linestring: editable(snap),
        point: { feature: { draggable: true } },
        rectangle: { feature: { draggable: true, coordinates: { resizable: 'opposite' } } },
        circle: { feature: { draggable: true, coordinates: { resizable: 'center' } } },
      },
      styles: {
        selectedPolygonColor: SITE_COLOUR,
        selectedPolygonFillOpacity: 0.25,
        selectedPolygonOutlineColor: '#4c1d95',
        selectedPolygonOutlineWidth: 3,
        selectedLineStringColor: '#4c1d95',
        selectedLineStringWidth: 4,
        selectedPointColor: '#4c1d95',
        selectionPointColor: '#ffffff',
        selectionPointOutlineColor: '#4c1d95',
        selectionPointWidth: 5,
        selectionPointOutlineWidth: 2,
        midPointColor: '#c4b5fd',
        midPointOutlineColor: '#4c1d95',
      },
    }),
    new TerraDrawPolygonMode({ snapping: { toCustom: snap }, styles: polygonStyles }),
    new TerraDrawRectangleMode({ styles: polygonStyles }),
    new TerraDrawCircleMode({ styles: polygonStyles }),
    new TerraDrawFreehandMode({ styles: polygonStyles }),
    new TerraDrawLineStringMode({ snapping: { toCustom: snap }, styles: { lineStringColor: SITE_COLOUR, lineStringWidth: 3 } }),
    new TerraDrawPointMode({ styles: { pointColor: SITE_COLOUR, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
  ];
}
