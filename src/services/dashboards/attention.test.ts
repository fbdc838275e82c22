import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byName, sortByName } from './attention.ts';

const names = ['Øst', 'øst', 'Åsen', 'Ærlig', 'alpha', 'Alpha', 'Beta', 'ås', 'æble', 'Zulu', 'zulu', 'NTNU', 'ntnu', 'a\u030a', 'å', 'Institutt for 2', 'Institutt for 10'];

/** A pseudo-random shuffle (fixed seed) so the test is repeatable. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test('sortByName gives the collator’s stable order, also for names it has ranked before and for names held equal', () => {
  for (let seed = 1; seed <= 30; seed++) {
    // Objects with duplicate names keep their input order among themselves, as a stable sort does.
    const list = shuffled([...names, ...names.slice(0, 5)], seed).map((name, i) => ({ name, i }));
    const expected = [...list].sort((x, y) => byName.compare(x.name, y.name));
    assert.deepEqual(sortByName([...list], (x) => x.name), expected, `seed ${seed}`);
  }
  // A name never seen before makes it sort with the collator again.
  const list = shuffled([...names, 'Ny konto'], 99).map((name, i) => ({ name, i }));
  assert.deepEqual(sortByName([...list], (x) => x.name), [...list].sort((x, y) => byName.compare(x.name, y.name)));
});
