/**
 * Messages for people: a stable key and parameters (the web app translates the key with
 * i18next), plus an English default text with the parameters filled in (for the CLI, logs and
 * the API's `detail`). Keys live under `goals.` so the web app can keep them in one namespace.
 */
export type MessageParams = Record<string, string | number>;

export interface Message {
  key: string;
  params: MessageParams;
  text: string;
}

/** Fills `{name}` placeholders of the English text from `params`. */
export function message(key: string, params: MessageParams, english: string): Message {
  const text = english.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
  return { key, params, text };
}

/** A number for a message: at most `digits` decimals, no trailing zeros. */
export function fmt(n: number, digits = 1): string {
  return String(Number(n.toFixed(digits)));
}
