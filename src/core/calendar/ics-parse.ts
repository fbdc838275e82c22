/**
 * A small iCalendar reader for tests and checks: unfolds lines, splits name;params:value and
 * unescapes TEXT values. Enough to read back what ics.ts writes (and to check it strictly: CRLF
 * line ends and lines of at most 75 octets); not a general parser.
 */
export interface ParsedProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface ParsedComponent {
  name: string;
  properties: ParsedProperty[];
  components: ParsedComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Throws when a line does not end in CRLF or is longer than 75 octets. */
export function parseCalendar(text: string): ParsedComponent {
  if (!text.endsWith('\r\n')) throw new Error('the calendar does not end with CRLF');
  const raw = text.slice(0, -2).split('\r\n');
  const encoder = new TextEncoder();
  for (const line of raw) {
    if (line.includes('\n') || line.includes('\r')) throw new Error('a bare LF or CR inside a line');
    if (encoder.encode(line).length > 75) throw new Error(`a line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of raw) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const root: ParsedComponent = { name: '', properties: [], components: [] };
  const stack: ParsedComponent[] = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no colon in "${line}"`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const c: ParsedComponent = { name: value, properties: [], components: [] };
      top.components.push(c);
      stack.push(c);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      const params: Record<string, string> = {};
      for (const p of paramParts) {
        const [k, v] = p.split('=');
        params[k!] = v ?? '';
      }
      top.properties.push({ name: name!, params, value });
    }
  }
  if (stack.length !== 1) throw new Error('unclosed component');
  const [calendar] = root.components;
  if (!calendar || root.components.length !== 1) throw new Error('expected one VCALENDAR');
  return calendar;
}

/** The first value of a property, unescaped as TEXT. */
export function prop(c: ParsedComponent, name: string): string | undefined {
  const p = c.properties.find((x) => x.name === name);
  return p === undefined ? undefined : unescapeText(p.value);
}
