// The region (ISO 3166 alpha-2) that picks the crisis lines a member is shown. Guessed from
// the browser's language (en-GB → GB), changeable on the landing page.

import { language } from './i18n.js';

const COMMON = ['AR', 'AT', 'AU', 'BE', 'BR', 'CA', 'CH', 'CL', 'CN', 'CO', 'CZ', 'DE', 'DK', 'EG', 'ES',
  'FI', 'FR', 'GB', 'GH', 'GR', 'HK', 'HU', 'ID', 'IE', 'IL', 'IN', 'IT', 'JP', 'KE', 'KR', 'MX', 'MY',
  'NG', 'NL', 'NO', 'NZ', 'PH', 'PK', 'PL', 'PT', 'RO', 'RU', 'SA', 'SE', 'SG', 'TH', 'TR', 'TW', 'UA',
  'US', 'VN', 'ZA'];

export function guessRegion(language = navigator.language) {
  try {
    const region = new Intl.Locale(language).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

export function locale(language = navigator.language) {
  try {
    return new Intl.Locale(language).toString();
  } catch {
    return null;
  }
}

/** [{code, name}] sorted by name in the language shown, including {@code extra} when it is not a common one. */
export function regionOptions(extra) {
  const names = new Intl.DisplayNames([language(), 'en'], { type: 'region' });
  const codes = new Set(COMMON);
  if (extra) codes.add(extra);
  return [...codes]
    .map(code => ({ code, name: names.of(code) || code }))
    .sort((a, b) => a.name.localeCompare(b.name, language()));
}
