import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, foldLine, writeCalendar } from './ics.ts';
import { parseCalendar, prop } from './ics-parse.ts';

const stamp = new Date('2026-04-02T08:30:05.123Z');

test('a calendar of all-day events reads back: dates, stable UIDs, DTSTAMP, escaped text', () => {
  const text = writeCalendar(
    [
      { uid: 'evaluation-acc-1-2026-03@maalbar', day: '2026-04-15', summary: 'Evaluering: A1 på Instagram, mars 2026', description: 'Skriv evalueringen; signer den.\nSe https://x/y', url: 'https://maalbar.example.no/evaluations/1', categories: ['Målbar', 'evaluation'] },
      { uid: 'annual-report-acc-1-2026@maalbar', day: '2027-01-31', summary: 'Back\\slash, semi;colon' },
    ],
    { name: 'Målbar: Eva’s deadlines', stamp },
  );
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'CRLF everywhere');
  const cal = parseCalendar(text);
  assert.equal(cal.name, 'VCALENDAR');
  assert.equal(prop(cal, 'X-WR-CALNAME'), 'Målbar: Eva’s deadlines');
  const events = cal.components.filter((c) => c.name === 'VEVENT');
  assert.equal(events.length, 2);
  const [first, second] = events as [NonNullable<(typeof events)[0]>, NonNullable<(typeof events)[0]>];
  assert.equal(prop(first, 'UID'), 'evaluation-acc-1-2026-03@maalbar');
  assert.equal(prop(first, 'DTSTAMP'), '20260402T083005Z');
  assert.deepEqual(first.properties.find((p) => p.name === 'DTSTART'), { name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260415' });
  assert.equal(prop(first, 'DTEND'), '20260416');
  assert.equal(prop(first, 'SUMMARY'), 'Evaluering: A1 på Instagram, mars 2026');
  assert.equal(prop(first, 'DESCRIPTION'), 'Skriv evalueringen; signer den.\nSe https://x/y');
  assert.equal(prop(first, 'URL'), 'https://maalbar.example.no/evaluations/1');
  assert.equal(prop(second, 'SUMMARY'), 'Back\\slash, semi;colon');
  assert.equal(prop(second, 'DTEND'), '20270201', 'the day after, across a month');
  assert.match(text, /SUMMARY:Back\\\\slash\\, semi\\;colon\r\n/);
});

test('escaping: backslash first, then ; , and every kind of newline', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
});

test('folding at 75 octets of UTF-8, never inside a character, and unfolding gives the line back', () => {
  const long = 'DESCRIPTION:' + 'æøå – '.repeat(40);
  const folded = foldLine(long);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 3);
  for (const [i, l] of lines.entries()) {
    assert.ok(new TextEncoder().encode(l).length <= 75, `line ${i} is ${new TextEncoder().encode(l).length} octets`);
    if (i > 0) assert.ok(l.startsWith(' '));
    assert.doesNotMatch(l, /\uFFFD/);
  }
  assert.equal(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), long);
  assert.equal(foldLine('SUMMARY:short'), 'SUMMARY:short');
  const exactly75 = 'X'.repeat(75);
  assert.equal(foldLine(exactly75), exactly75);
  assert.equal(foldLine(exactly75 + 'Y'), `${exactly75}\r\n Y`);
  // A whole calendar with long Norwegian text still parses strictly (every line ≤ 75 octets).
  const cal = parseCalendar(writeCalendar([{ uid: 'u@maalbar', day: '2026-01-01', summary: 'Årsrapport for «Fakultet for humaniora, samfunnsvitenskap og lærerutdanning på Instagram» 2025' }], { name: 'x', stamp }));
  assert.equal(prop(cal.components[0]!, 'SUMMARY'), 'Årsrapport for «Fakultet for humaniora, samfunnsvitenskap og lærerutdanning på Instagram» 2025');
});

test('the parser refuses what the writer must never produce', () => {
  assert.throws(() => parseCalendar('BEGIN:VCALENDAR\nEND:VCALENDAR\n'));
  assert.throws(() => parseCalendar(`BEGIN:VCALENDAR\r\nSUMMARY:${'x'.repeat(80)}\r\nEND:VCALENDAR\r\n`));
});
