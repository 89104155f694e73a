import type { en } from './en';

/** Plural forms keyed by Intl.PluralRules categories; `other` is always required. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;

/** A catalogue must have exactly the English keys; a plural key stays plural. */
export type Catalogue = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};
