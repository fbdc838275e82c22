/** Text output helpers: aligned columns and an indented unit tree. */
import type { UnitOut } from '../contract/units.ts';

/** Rows as left-aligned columns separated by two spaces (the last column is not padded). */
export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header ? [header, ...rows] : [...rows];
  if (all.length === 0) return '';
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  return all.map(line).join('\n');
}

/** Depth of each unit in a tree-ordered list (0 for a top-level unit). */
export function unitDepths(list: readonly UnitOut[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const u of list) depth.set(u.id, u.parentId && depth.has(u.parentId) ? depth.get(u.parentId)! + 1 : 0);
  return depth;
}

/** A unit list (depth-first, as listUnits returns it) drawn as an indented tree. */
export function unitTree(list: readonly UnitOut[]): string {
  const depth = unitDepths(list);
  return table(
    list.map((u) => ['  '.repeat(depth.get(u.id) ?? 0) + u.name + (u.archived ? ' (archived)' : ''), u.slug, u.kind]),
    ['UNIT', 'SLUG', 'KIND'],
  );
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
