import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UnitOut } from '../api/index.ts';
import { unitFilterOptions } from './units.ts';

const unit = (id: string, slug: string, name: string, parentId: string | null, archived = false): UnitOut => ({
  id,
  slug,
  name,
  kind: 'department',
  parentId,
  archived,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const units = [
  unit('00000000-0000-4000-8000-000000000001', 'uni', 'Universitetet', null),
  unit('00000000-0000-4000-8000-000000000002', 'hf', 'HF', '00000000-0000-4000-8000-000000000001'),
  unit('00000000-0000-4000-8000-000000000003', 'gammel', 'Gammel enhet', '00000000-0000-4000-8000-000000000001', true),
];

test('a unit filter: all units first, by slug, indented, archived units only when chosen', () => {
  const options = unitFilterOptions(units, '', 'Alle enheter');
  assert.deepEqual(
    options.map((o) => [o.value, o.label]),
    [
      ['', 'Alle enheter'],
      ['uni', 'Universitetet'],
      ['hf', '\u00a0\u00a0\u00a0HF'],
    ],
  );
  assert.deepEqual(
    unitFilterOptions(units, 'gammel', 'Alle enheter').map((o) => o.value),
    ['', 'uni', 'hf', 'gammel'],
  );
});
