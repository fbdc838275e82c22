/**
 * Languages of the web app: bokmål (default) and English. Every user-facing string lives in
 * nb.json and en.json. The choice is remembered in localStorage and drives <html lang>.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'maalbar.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'nb';
}

/** Switches the interface language and remembers it on this device. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  syncDocumentLanguage(lng);
}

export async function initI18n(): Promise<typeof i18n> {
  const lng = storedLanguage() ?? 'nb';
  i18n.on('languageChanged', syncDocumentLanguage);
  await i18n.use(initReactI18next).init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng,
    fallbackLng: 'nb',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  syncDocumentLanguage(lng);
  return i18n;
}

/** BCP 47 tag for number and date formatting in the current language. */
export function localeTag(lng: string = i18n.language): string {
  return lng === 'en' ? 'en-GB' : 'nb-NO';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeTag(), options).format(value);
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

export { i18n };
