import type { MessageKey } from '../../../shared/i18n';
import { Section } from '../../../shared/ipc/contract';

export type { Section };

/** The navigation a targeting officer works through, in the order of the work (the contract's order). */
export const sections: readonly Section[] = Section.options;

export const sectionTitleKey: Readonly<Record<Section, MessageKey>> = {
  targeting: 'nav.targeting',
  manifests: 'nav.manifests',
  cases: 'nav.cases',
  reports: 'nav.reports',
  exchange: 'nav.exchange',
  administration: 'nav.administration',
  about: 'nav.about',
};

export function isSection(value: unknown): value is Section {
  return Section.safeParse(value).success;
}

/** `#/cases` → 'cases'; anything else → the first section. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return isSection(name) ? name : 'targeting';
}
