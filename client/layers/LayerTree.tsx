import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LayerRow } from './LayerRow.tsx';
import { useLayers, type LayerGroup } from './useLayers.ts';

function GroupCheckbox({ group, label, onChange }: { group: LayerGroup; label: string; onChange(visible: boolean): void }) {
  const ref = useRef<HTMLInputElement>(null);
  const visibleCount = group.layers.filter((l) => l.visible).length;
  const all = visibleCount === group.layers.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = visibleCount > 0 && !all;
  }, [visibleCount, all]);
  return <input ref={ref} type="checkbox" checked={all} aria-label={label} onChange={() => onChange(!all)} data-testid={`group-toggle-${group.id}`} />;
}

/** The layer tree, grouped as planners think (生态保护红线, 饮用水水源保护区, …, 基础地理). */
export function LayerTree() {
  const { t, i18n } = useTranslation();
  const { catalog, groups, toggle, setGroupVisible, setOpacity, reload } = useLayers();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  if (catalog.status === 'loading' && groups.length === 0) {
    return (
      <p className="panel-state" role="status">
        <span className="spinner" /> {t('layers.loadingCatalog')}
      </p>
    );
  }
  if (catalog.status === 'error' && groups.length === 0) {
    return (
      <div className="panel-state" role="alert">
        <p>{t('layers.catalogFailed', { message: catalog.error.messageIn(i18n.language) })}</p>
        <button type="button" onClick={reload}>{t('common.retry')}</button>
      </div>
    );
  }
  if (groups.length === 0) {
    return <p className="panel-state">{t('layers.empty')}</p>;
  }
  return (
    <div className="layer-tree" role="group" aria-label={t('layers.treeLabel')}>
      {groups.map((group) => {
        const open = !collapsed.has(group.id);
        const listId = `group-${group.id}`;
        const groupName = t(`groups.${group.id}`, { defaultValue: group.id });
        return (
          <section key={group.id} className="layer-group" data-group-id={group.id}>
            <header className="group-header">
              <GroupCheckbox group={group} label={t('layers.toggleGroup', { name: groupName })} onChange={(v) => setGroupVisible(group, v)} />
              <button
                type="button"
                className="group-title"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setCollapsed((c) => {
                  const next = new Set(c);
                  if (next.has(group.id)) next.delete(group.id);
                  else next.add(group.id);
                  return next;
                })}
              >
                <span className="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
                {groupName}
                <span className="group-count">{group.layers.length}</span>
              </button>
            </header>
            {open && (
              <ul id={listId} className="layer-list">
                {group.layers.map((entry) => (
                  <LayerRow key={entry.info.id} entry={entry} onToggle={(v) => toggle(entry.info.id, v)} onOpacity={(o) => setOpacity(entry.info.id, o)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
