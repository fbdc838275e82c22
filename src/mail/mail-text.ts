/**
 * The words of Målbar's e-mails in bokmål and English: a reminder (from a notification's kind
 * and params), a subscribed monthly report, and the test message. Plain text plus simple HTML
 * (escaped). Links are made from MAALBAR_PUBLIC_URL; without it the e-mail gives the path in the
 * web app and says that the server's address is not configured.
 */
import type { Locale } from '../contract/common.ts';
import type { NotificationKind } from '../contract/notifications.ts';

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

type Params = Record<string, string | number | null>;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const tag = (lang: Locale) => (lang === 'nb' ? 'nb-NO' : 'en-GB');

/** '2026-04-15' → '15. april 2026' / '15 April 2026'. */
export function formatDay(day: string, lang: Locale): string {
  return new Intl.DateTimeFormat(tag(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** '2026-03' → 'mars 2026' / 'March 2026'. */
export function formatMonth(month: string, lang: Locale): string {
  return new Intl.DateTimeFormat(tag(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

const str = (p: Params, k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
const num = (p: Params, k: string) => (typeof p[k] === 'number' ? (p[k] as number) : 0);

/** What a reminder says: subject line and the sentences of its body. */
function reminderWords(kind: NotificationKind, p: Params, lang: Locale): { subject: string; lines: string[] } {
  const nb = lang === 'nb';
  const account = str(p, 'account');
  const unit = str(p, 'unit');
  const due = str(p, 'dueOn') ? formatDay(str(p, 'dueOn'), lang) : '';
  switch (kind) {
    case 'evaluation_due': {
      const month = formatMonth(str(p, 'month'), lang);
      return p.stage === 'soon'
        ? {
            subject: nb ? `Frist ${due}: månedsevaluering av ${account} for ${month}` : `Due ${due}: monthly evaluation of ${account} for ${month}`,
            lines: nb
              ? [`Månedsevalueringen av ${account} (${unit}) for ${month} skal signeres innen ${due}, om få dager.`]
              : [`The monthly evaluation of ${account} (${unit}) for ${month} is due on ${due}, in a few days.`],
          }
        : {
            subject: nb ? `Månedsevaluering klar: ${account}, ${month}` : `Monthly evaluation ready: ${account}, ${month}`,
            lines: nb
              ? [`${month} er over, og utkastet til månedsevaluering av ${account} (${unit}) er klart.`, `Skriv vurderingen og signer den innen ${due}.`]
              : [`${month} has ended and the draft monthly evaluation of ${account} (${unit}) is ready.`, `Write the assessment and sign it by ${due}.`],
          };
    }
    case 'evaluation_overdue': {
      const month = formatMonth(str(p, 'month'), lang);
      return {
        subject: nb ? `Forfalt: månedsevaluering av ${account} for ${month}` : `Overdue: monthly evaluation of ${account} for ${month}`,
        lines: nb
          ? [`Månedsevalueringen av ${account} (${unit}) for ${month} skulle vært signert innen ${due}.`]
          : [`The monthly evaluation of ${account} (${unit}) for ${month} was due on ${due} and is not signed yet.`],
      };
    }
    case 'documentation_due':
    case 'documentation_overdue': {
      const days = num(p, 'toCoverDays');
      const lost = num(p, 'lostDays');
      const deadline = str(p, 'deadline') ? formatDay(str(p, 'deadline'), lang) : '';
      const monthly = p.cadence === 'monthly';
      const what = nb
        ? monthly
          ? `Månedstallene for ${account} (${unit}) må legges inn innen ${deadline}.`
          : `${days} ${days === 1 ? 'dag' : 'dager'} med statistikk for ${account} (${unit}) er ikke dokumentert; den eldste forsvinner fra plattformens historikk ${deadline}.`
        : monthly
          ? `The monthly figures of ${account} (${unit}) must be entered by ${deadline}.`
          : `${days} ${days === 1 ? 'day' : 'days'} of statistics of ${account} (${unit}) are not documented; the oldest leaves the platform's history on ${deadline}.`;
      const lostLine = lost > 0 ? [nb ? `${lost} ${lost === 1 ? 'dag' : 'dager'} er allerede tapt.` : `${lost} ${lost === 1 ? 'day has' : 'days have'} already been lost.`] : [];
      return {
        subject:
          kind === 'documentation_overdue'
            ? nb
              ? `Forfalt: statistikk for ${account}`
              : `Overdue: statistics of ${account}`
            : nb
              ? `Statistikk må dokumenteres: ${account}`
              : `Statistics to document: ${account}`,
        lines: [what, ...lostLine, nb ? 'Last ned eksporten fra plattformen og importer den i Målbar.' : 'Download the export from the platform and import it into Målbar.'],
      };
    }
    case 'annual_report_due':
      return {
        subject: nb ? `Årsrapport for ${str(p, 'year')}: ${account}, frist ${due}` : `Annual report for ${str(p, 'year')}: ${account}, due ${due}`,
        lines: nb
          ? [`Årsrapporten for ${account} (${unit}) for ${str(p, 'year')} skal skrives og signeres innen ${due}.`]
          : [`The annual report of ${account} (${unit}) for ${str(p, 'year')} is due on ${due}: write and sign it.`],
      };
    case 'annual_report_overdue':
      return {
        subject: nb ? `Forfalt: årsrapport for ${str(p, 'year')}: ${account}` : `Overdue: annual report for ${str(p, 'year')}: ${account}`,
        lines: nb
          ? [`Årsrapporten for ${account} (${unit}) for ${str(p, 'year')} skulle vært signert innen ${due}.`]
          : [`The annual report of ${account} (${unit}) for ${str(p, 'year')} was due on ${due} and is not signed yet.`],
      };
    case 'report_delivered': {
      const month = formatMonth(str(p, 'month'), lang);
      return {
        subject: nb ? `Månedsrapport sendt: ${str(p, 'scope')}, ${month}` : `Monthly report sent: ${str(p, 'scope')}, ${month}`,
        lines: nb ? [`Månedsrapporten for ${str(p, 'scope')} for ${month} er sendt til deg som PDF.`] : [`The monthly report of ${str(p, 'scope')} for ${month} was sent to you as a PDF.`],
      };
    }
  }
}

/** A path of the web app under the public address (which may itself have a path): https://x.no/sub + /evaluations/1. */
export function appUrl(publicUrl: string, path: string): string {
  return publicUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

function linkLines(link: string, lang: Locale, publicUrl: string | null): { text: string; html: string } {
  const nb = lang === 'nb';
  if (publicUrl) {
    const url = appUrl(publicUrl, link);
    return { text: `${nb ? 'Åpne' : 'Open'}: ${url}`, html: `<p><a href="${escapeHtml(url)}">${nb ? 'Åpne i Målbar' : 'Open in Målbar'}</a></p>` };
  }
  const note = nb
    ? `Åpne Målbar og gå til ${link} (serverens adresse er ikke satt opp, MAALBAR_PUBLIC_URL, så e-posten kan ikke lenke direkte).`
    : `Open Målbar and go to ${link} (the server's address is not configured, MAALBAR_PUBLIC_URL, so this e-mail cannot link to it).`;
  return { text: note, html: `<p>${escapeHtml(note)}</p>` };
}

function footer(lang: Locale): string {
  return lang === 'nb'
    ? 'Du får denne e-posten fordi du har en rolle i Målbar. Du kan slå av påminnelser på e-post under Innstillinger.'
    : 'You receive this e-mail because you hold a role in Målbar. You can turn off e-mail reminders in Settings.';
}

function assemble(subject: string, lines: string[], link: { text: string; html: string } | null, lang: Locale): MailText {
  const text = [...lines, '', ...(link ? [link.text, ''] : []), '-- ', footer(lang)].join('\n');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family: sans-serif">` +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    (link ? link.html : '') +
    `<hr><p style="color:#555;font-size:small">${escapeHtml(footer(lang))}</p></body></html>`;
  return { subject, text, html };
}

export function reminderMail(n: { kind: NotificationKind; params: Params; link: string }, lang: Locale, publicUrl: string | null): MailText {
  const { subject, lines } = reminderWords(n.kind, n.params, lang);
  return assemble(`Målbar: ${subject}`, lines, linkLines(n.link, lang, publicUrl), lang);
}

/** Several reminders of one round in one e-mail, so a faculty's evaluator gets one message on the 1st, not one per account. */
export function reminderDigestMail(list: readonly { kind: NotificationKind; params: Params; link: string }[], lang: Locale, publicUrl: string | null): MailText {
  if (list.length === 1) return reminderMail(list[0]!, lang, publicUrl);
  const nb = lang === 'nb';
  const parts = list.map((n) => ({ words: reminderWords(n.kind, n.params, lang), link: linkLines(n.link, lang, publicUrl) }));
  const intro = nb ? `Du har ${list.length} nye påminnelser i Målbar:` : `You have ${list.length} new reminders in Målbar:`;
  const text = [
    intro,
    '',
    ...parts.flatMap((p, i) => [`${i + 1}. ${p.words.subject}`, ...p.words.lines.map((l) => `   ${l}`), `   ${p.link.text}`, '']),
    '-- ',
    footer(lang),
  ].join('\n');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family: sans-serif"><p>${escapeHtml(intro)}</p><ol>` +
    parts.map((p) => `<li><p><strong>${escapeHtml(p.words.subject)}</strong></p>${p.words.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${p.link.html}</li>`).join('') +
    `</ol><hr><p style="color:#555;font-size:small">${escapeHtml(footer(lang))}</p></body></html>`;
  return { subject: nb ? `Målbar: ${list.length} påminnelser` : `Målbar: ${list.length} reminders`, text, html };
}

/** The e-mail that carries a subscribed monthly report. */
export function reportMail(r: { scope: string; month: string; fileName: string }, lang: Locale, publicUrl: string | null): MailText {
  const month = formatMonth(r.month, lang);
  const lines =
    lang === 'nb'
      ? [`Vedlagt er månedsrapporten for ${r.scope} for ${month} (${r.fileName}).`, 'Du abonnerer på denne rapporten; avslutt abonnementet under Innstillinger.']
      : [`Attached is the monthly report of ${r.scope} for ${month} (${r.fileName}).`, 'You subscribe to this report; end the subscription in Settings.'];
  return assemble(lang === 'nb' ? `Målbar: månedsrapport for ${r.scope}, ${month}` : `Målbar: monthly report of ${r.scope}, ${month}`, lines, linkLines('/reports', lang, publicUrl), lang);
}

/** `maalbar mail test`: says that the configuration works. */
export function testMail(server: string, lang: Locale = 'en'): MailText {
  const lines =
    lang === 'nb'
      ? [`Dette er en testmelding fra Målbar, sendt gjennom ${server}.`, 'E-post fungerer: påminnelser og abonnerte rapporter kan sendes.']
      : [`This is a test message from Målbar, sent through ${server}.`, 'E-mail works: reminders and subscribed reports can be sent.'];
  return assemble(lang === 'nb' ? 'Målbar: testmelding' : 'Målbar: test message', lines, null, lang);
}
