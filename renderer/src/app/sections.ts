import type { MessageKey } from '../../../shared/i18n';

/** The navigation a targeting officer works through, in the order of the work. */
export const sections = ['targeting', 'manifests', 'cases', 'reports', 'administration', 'about'] as const;
export type Section = (typeof sections)[number];

export const sectionTitleKey: Readonly<Record<Section, MessageKey>> = {
  targeting: 'nav.targeting',
  manifests: 'nav.manifests',
  cases: 'nav.cases',
  reports: 'nav.reports',
  administration: 'nav.administration',
  about: 'nav.about',
};

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (sections as readonly string[]).includes(value);
}

/** `#/cases` → 'cases'; anything else → the first section. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return isSection(name) ? name : 'targeting';
}
