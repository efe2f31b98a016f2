import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gaussKrugerZone3 as gkZoneOf } from '../../common/geo/gauss-kruger.ts';
import { newFeatureId } from './feature-id.ts';
import { DRAW_NS } from './i18n.ts';
import type { SiteFeature } from './site-features.ts';
import { parseTypedCoordinates, ringOf, type CoordinateMode } from './typed-coordinates.ts';

/**
 * 输入坐标: the boundary points of a paper 红线图 typed or pasted, one a line (GK X,Y with or
 * without the zone prefix, or lon/lat), read as they are typed with every unreadable line named;
 * 生成选址 makes them one polygon part of the site. A modal <dialog>: Tab moves through it, Esc closes.
 */
export function CoordinateEntryDialog({
  defaultZone,
  siteName,
  onCreate,
  onClose,
}: {
  defaultZone: number;
  siteName: string;
  onCreate: (part: SiteFeature) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(DRAW_NS);
  const dialog = useRef<HTMLDialogElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<CoordinateMode>('auto');
  const [zone, setZone] = useState(defaultZone);
  const [name, setName] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    // showModal focuses the first control (the mode select): the points are what is typed first.
    textArea.current?.focus();
  }, []);
  const parsed = useMemo(() => parseTypedCoordinates(text, mode, zone), [text, mode, zone]);
  const distinct = new Set(parsed.points.map((p) => p.lonLat.join(','))).size;

  const create = () => {
    if (parsed.errors.length > 0) return setRefused(t('typed.fixErrors'));
    if (distinct < 3) return setRefused(t('typed.tooFew'));
    onCreate({
      type: 'Feature',
      id: newFeatureId(),
      geometry: { type: 'Polygon', coordinates: [ringOf(parsed.points)] },
      properties: { name: name.trim() || siteName.trim() || t('typed.defaultName'), origin: 'imported' },
    });
    onClose();
  };

  const summary =
    parsed.points.length === 0
      ? t('typed.empty')
      : parsed.kind === 'gk'
        ? t('typed.readGk', { count: parsed.points.length, zone: parsed.zone, cm: (parsed.zone ?? 0) * 3 })
        : t('typed.readLonLat', { count: parsed.points.length });

  return (
    <dialog ref={dialog} className="coordinate-dialog" onClose={onClose} aria-labelledby="coordinate-dialog-title" data-testid="coordinate-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2 id="coordinate-dialog-title">{t('typed.title')}</h2>
        <p className="muted">{t('typed.help')}</p>
        <div className="coordinate-options">
          <label>
            <span>{t('typed.mode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as CoordinateMode)} data-testid="coordinate-mode">
              <option value="auto">{t('typed.modes.auto')}</option>
              <option value="gk">{t('typed.modes.gk')}</option>
              <option value="lonlat">{t('typed.modes.lonlat')}</option>
            </select>
          </label>
          <label>
            <span>{t('typed.zone')}</span>
            <input type="number" min={25} max={45} value={zone} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && setZone(e.target.valueAsNumber)} data-testid="coordinate-zone" />
          </label>
          <label className="coordinate-name">
            <span>{t('typed.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={siteName || t('typed.defaultName')} data-testid="coordinate-name" />
          </label>
        </div>
        <label className="coordinate-text">
          <span>{t('typed.points')}</span>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setRefused(null);
            }}
            rows={9}
            spellCheck={false}
            placeholder={t('typed.placeholder')}
            ref={textArea}
            data-testid="coordinate-text"
          />
        </label>
        <p className="coordinate-summary" role="status" data-testid="coordinate-summary">
          {summary}
        </p>
        {parsed.errors.length > 0 && (
          <ul className="coordinate-errors" role="alert" data-testid="coordinate-errors">
            {parsed.errors.slice(0, 8).map((e) => (
              <li key={e.line}>{t(`typed.errors.${e.code}`, { line: e.line })}</li>
            ))}
          </ul>
        )}
        {refused && (
          <p className="site-status is-error" role="alert">
            {refused}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('typed.cancel')}
          </button>
          <button type="submit" className="primary" data-action="create-typed-site">
            {t('typed.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The zone of the map's centre: the default for eastings typed without their prefix. */
export const zoneAt = (lon: number) => gkZoneOf(lon);
