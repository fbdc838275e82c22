// Typed translation keys: t('…') with a key missing from nb.json is a type error.
import 'i18next';
import type nb from './nb.json' with { type: 'json' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}
