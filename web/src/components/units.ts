/** Units as options of a select, indented to show the tree. */
import { depths } from '../access.ts';
import type { UnitOut } from '../api/index.ts';
import type { Option } from './forms.tsx';

const INDENT = '\u00a0\u00a0\u00a0';

/** Every unit as an option (value: its id, or its slug with `bySlug`), indented by depth. */
export function unitOptions(
  units: readonly UnitOut[],
  options: { enabled?: (u: UnitOut) => boolean; bySlug?: boolean } = {},
): Option[] {
  const depth = depths(units);
  return units.map((u) => ({
    value: options.bySlug ? u.slug : u.id,
    label: INDENT.repeat(depth.get(u.id) ?? 0) + u.name,
    disabled: options.enabled ? !options.enabled(u) : false,
  }));
}

/**
 * A list page's unit filter: "all units" first, then the units by slug, leaving out archived ones
 * unless it is the one chosen (so a shared link to an archived unit still shows its choice).
 */
export function unitFilterOptions(units: readonly UnitOut[], selected: string, allLabel: string): Option[] {
  const shown = units.filter((u) => !u.archived || u.slug === selected || u.id === selected);
  return [{ value: '', label: allLabel }, ...unitOptions(shown, { bySlug: true })];
}

export function unitName(units: readonly UnitOut[] | undefined, id: string | null): string {
  if (!id) return '';
  return units?.find((u) => u.id === id)?.name ?? '';
}
