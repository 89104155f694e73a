import { z } from 'zod';

export const languages = ['en', 'ru'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** The UI language to start with when the officer has not chosen one: the OS locale if we have it. */
export function languageFromLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  // Russian is the working language of most Central Asian units; Tajik, Uzbek,
  // Kazakh and Kyrgyz desktops get Russian rather than English by default.
  return ['ru', 'tg', 'uz', 'kk', 'ky', 'tk'].includes(primary ?? '') ? 'ru' : 'en';
}
