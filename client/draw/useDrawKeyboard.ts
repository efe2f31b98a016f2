import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import type { SiteDrawing } from './useSiteDrawing.ts';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Keyboard shortcuts anywhere on the page except in form fields: Ctrl+Z undo, Ctrl+Y or
 * Ctrl+Shift+Z redo, Delete/Backspace removes the selected shape, Enter finishes and Esc cancels
 * the shape being drawn. (On the focused map canvas terra-draw reads Enter and Esc itself.)
 */
export function useDrawKeyboard(map: maplibregl.Map | null, drawing: SiteDrawing): void {
  const ref = useRef(drawing);
  ref.current = drawing;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const d = ref.current;
      const key = e.key.toLowerCase();
      const ctrl = e.ctrlKey || e.metaKey;
      const onCanvas = map !== null && e.target === map.getCanvas();
      if (ctrl && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        d.undo();
      } else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        d.redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && d.selectedId && !d.isDrawing) {
        e.preventDefault();
        d.deleteSelected();
      } else if (!onCanvas && e.key === 'Enter' && d.isDrawing) {
        e.preventDefault();
        d.finishDrawing();
      } else if (!onCanvas && e.key === 'Escape' && d.isDrawing) {
        d.cancelDrawing();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [map]);
}
