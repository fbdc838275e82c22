// Both languages have exactly the same keys, no empty texts, and the same {{placeholders}}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };

function load(lng: string): Tree {
  return JSON.parse(readFileSync(new URL(`./${lng}.json`, import.meta.url), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

const nb = flatten(load('nb'));
const en = flatten(load('en'));

test('nb.json and en.json have exactly the same keys', () => {
  const onlyNb = [...nb.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !nb.has(k));
  assert.deepEqual({ onlyNb, onlyEn }, { onlyNb: [], onlyEn: [] });
  assert.ok(nb.size > 100, `expected a full set of texts, found ${nb.size}`);
});

test('no text is empty', () => {
  for (const [lng, texts] of [['nb', nb], ['en', en]] as const) {
    const empty = [...texts].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    assert.deepEqual(empty, [], `empty texts in ${lng}.json`);
  }
});

test('both languages use the same {{placeholders}} in each text', () => {
  const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  const differ = [...nb].filter(([k, v]) => en.has(k) && names(v).join() !== names(en.get(k)!).join()).map(([k]) => k);
  assert.deepEqual(differ, []);
});
