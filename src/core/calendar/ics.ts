/**
 * An iCalendar (RFC 5545) writer for all-day events: a VCALENDAR of VEVENTs with DTSTART/DTEND as
 * dates, a UID that stays the same for the same deadline (so calendar apps update an event rather
 * than add a second one), DTSTAMP, SUMMARY/DESCRIPTION/URL escaped (backslash, semicolon, comma,
 * newlines), lines folded at 75 octets of UTF-8 without splitting a character, CRLF line ends.
 * Pure: the stamp time is an argument.
 */
import { addDays, type Day } from '../period/days.ts';

export interface CalendarEvent {
  /** Stable per deadline, e.g. `evaluation-<account>-2026-03@maalbar`. */
  uid: string;
  /** The all-day event's day. */
  day: Day;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

export interface CalendarOptions {
  /** The calendar's name (X-WR-CALNAME). */
  name: string;
  /** DTSTAMP of every event. */
  stamp: Date;
  productId?: string;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (continuation lines begin with a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Continuation lines carry a leading space, so they hold 74 octets of content.
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const dateValue = (day: Day) => day.replace(/-/g, '');

function stampValue(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function writeCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.productId ?? '-//Målbar//Deadlines//NB'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = stampValue(options.stamp);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(e.day)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(e.day, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
