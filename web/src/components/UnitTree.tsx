/**
 * The unit tree as an ARIA tree view: one tab stop, arrow keys move (Up/Down), open and close
 * (Right/Left), Home/End jump, Enter or Space selects. Units come depth-first from the API.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { depths } from '../access.ts';
import type { UnitOut } from '../api/index.ts';
import { kindLabel } from './labels.ts';

export function UnitTree({
  units,
  selectedId,
  onSelect,
  label,
}: {
  units: UnitOut[];
  selectedId: string | null;
  onSelect(unit: UnitOut): void;
  label: string;
}) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [focusId, setFocusId] = useState<string | null>(selectedId);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const moved = useRef(false);

  const level = useMemo(() => depths(units), [units]);
  const children = useMemo(() => {
    const map = new Map<string | null, UnitOut[]>();
    const ids = new Set(units.map((u) => u.id));
    for (const u of units) {
      const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), u]);
    }
    return map;
  }, [units]);
  const parentOf = (u: UnitOut) => (u.parentId && units.some((x) => x.id === u.parentId) ? u.parentId : null);

  // Visible rows: everything whose ancestors are all open.
  const visible = useMemo(() => {
    const out: UnitOut[] = [];
    const walk = (parent: string | null) => {
      for (const u of children.get(parent) ?? []) {
        out.push(u);
        if (!collapsed.has(u.id)) walk(u.id);
      }
    };
    walk(null);
    return out;
  }, [children, collapsed]);

  // Open the path to the selected unit.
  useEffect(() => {
    if (!selectedId) return;
    const byId = new Map(units.map((u) => [u.id, u]));
    let p = byId.get(selectedId)?.parentId ?? null;
    const open: string[] = [];
    while (p && byId.has(p)) {
      open.push(p);
      p = byId.get(p)?.parentId ?? null;
    }
    if (open.some((id) => collapsed.has(id))) {
      setCollapsed((c) => new Set([...c].filter((id) => !open.includes(id))));
    }
    setFocusId((f) => f ?? selectedId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, units]);

  const tabId = visible.some((u) => u.id === focusId) ? focusId : (visible.find((u) => u.id === selectedId)?.id ?? visible[0]?.id ?? null);

  useEffect(() => {
    if (moved.current && tabId) {
      refs.current.get(tabId)?.focus();
      moved.current = false;
    }
  }, [tabId]);

  const focus = (id: string | undefined) => {
    if (!id) return;
    moved.current = true;
    setFocusId(id);
    if (id === tabId) refs.current.get(id)?.focus();
  };
  const toggle = (id: string, open: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent, u: UnitOut) => {
    const index = visible.findIndex((x) => x.id === u.id);
    const hasChildren = (children.get(u.id)?.length ?? 0) > 0;
    const open = hasChildren && !collapsed.has(u.id);
    switch (e.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.id);
        break;
      case 'Home':
        focus(visible[0]?.id);
        break;
      case 'End':
        focus(visible[visible.length - 1]?.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !open) toggle(u.id, true);
        else if (open) focus(children.get(u.id)?.[0]?.id);
        break;
      case 'ArrowLeft':
        if (open) toggle(u.id, false);
        else focus(parentOf(u) ?? undefined);
        break;
      case 'Enter':
      case ' ':
        onSelect(u);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul className="tree" role="tree" aria-label={label}>
      {visible.map((u) => {
        const siblings = children.get(parentOf(u)) ?? [];
        const hasChildren = (children.get(u.id)?.length ?? 0) > 0;
        const open = hasChildren && !collapsed.has(u.id);
        return (
          <li
            key={u.id}
            ref={(el) => {
              if (el) refs.current.set(u.id, el);
              else refs.current.delete(u.id);
            }}
            role="treeitem"
            aria-level={(level.get(u.id) ?? 0) + 1}
            aria-setsize={siblings.length}
            aria-posinset={siblings.indexOf(u) + 1}
            aria-expanded={hasChildren ? open : undefined}
            aria-selected={u.id === selectedId}
            tabIndex={u.id === tabId ? 0 : -1}
            className={`tree-item${u.archived ? ' is-archived' : ''}`}
            style={{ '--level': level.get(u.id) ?? 0 } as CSSProperties}
            onKeyDown={(e) => onKeyDown(e, u)}
            onClick={() => {
              setFocusId(u.id);
              onSelect(u);
            }}
          >
            <span
              className="tree-toggle"
              aria-hidden="true"
              onClick={(e) => {
                if (!hasChildren) return;
                e.stopPropagation();
                toggle(u.id, !open);
              }}
            >
              {hasChildren ? (open ? '▾' : '▸') : ''}
            </span>
            <span className="tree-label">
              <span className="tree-name">{u.name}</span>
              <span className="visually-hidden">, </span>
              <span className="kind">
                {kindLabel(t, u.kind)}
                {u.archived ? ` · ${t('units.archived')}` : ''}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
