import type { Language, MessageKey, Translate } from '../../../../shared/i18n';
import { errorMessage } from '../../../../shared/i18n/error-message';
import type { ExchangeParty, RequestedAction } from '../../../../shared/exchange/payload';
import { ApiError } from '../../api/client';
import { formatLocalDateTime } from '../../format/datetime';
import { quantityUnits, seizureCategories } from '../../../../shared/domain/seizure-categories';
import { categoryName, lookup } from '../cases/text';
import { indicatorName } from '../targeting/profiles/profile-text';

/**
 * Words for the exchange screens. Packages carry codes, never labels (a
 * partner may run another language or a later version): known codes are
 * translated, unknown ones are shown as they came rather than failing the screen.
 */
export type PackageKind = 'alert' | 'seizure-notice';

export const kindKey = (kind: PackageKind): MessageKey => (kind === 'alert' ? 'exchange.kind.alert' : 'exchange.kind.seizure-notice');

export const requestedActions: readonly RequestedAction[] = ['examine', 'scan', 'monitor', 'inform'];
export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

export function severityName(t: Translate, language: Language, code: string): string {
  return lookup(t, language, [`watchlist.severity.${code}`], code);
}

export function actionName(t: Translate, language: Language, code: string): string {
  return lookup(t, language, [`exchange.action.${code}`], code);
}

export function partyRoleName(t: Translate, language: Language, party: Pick<ExchangeParty, 'role' | 'roleText'>): string {
  if (party.role === 'other' && party.roleText) return party.roleText;
  return lookup(t, language, [`exchange.party.${party.role}`], party.role);
}

/** The indicator's name in this unit's catalogue, else its stable id (the sender may run indicators this build lacks). */
export function exchangeIndicatorName(t: Translate, language: Language, id: string): string {
  return indicatorName(t, language, id);
}

const instantDetails = ['receivedAt', 'revokedAt', 'notBefore', 'notAfter'] as const;

/**
 * A refused package or certificate in words that name the file: the
 * catalogue's texts say `{file}`, and the file the officer chose is what they
 * will look for on the USB stick, so it is filled from here (main may not
 * know the name, as for a certificate sent as bytes only).
 */
export function refusalText(language: Language, error: unknown, file: string, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const details: Record<string, unknown> = { ...(error.details && typeof error.details === 'object' ? error.details : {}) };
  // Instants read as the officer's local time, like every other time on screen.
  for (const key of instantDetails) if (typeof details[key] === 'string') details[key] = formatLocalDateTime(details[key]);
  return errorMessage(language, { code: error.code, message: error.message, details: { ...details, file } });
}

/**
 * The one-line summary main keeps for a package. A seizure notice's starts
 * with its category code (`drugs.cocaine 20.4 kg, …`): shown in words here,
 * the rest as it is.
 */
export function subjectText(t: Translate, language: Language, subject: string): string {
  const [first = '', quantity, unitWord, ...rest] = subject.split(' ');
  if (!Object.hasOwn(seizureCategories, first)) return subject;
  // The quantity's unit is a code too (pieces, cartons): in words, keeping the comma after it.
  const unit = /^([a-z]+)(,?)$/.exec(unitWord ?? '');
  const unitText = unit && (quantityUnits as readonly string[]).includes(unit[1] ?? '') ? `${t(`seizure.unit.${unit[1]}` as MessageKey)}${unit[2] ?? ''}` : unitWord;
  return [categoryName(t, language, first), quantity, unitText, ...rest].filter((part) => part !== undefined).join(' ');
}

/** `YYYY-MM-DD` of the local day `days` from now, as a date input writes it. */
export function dayFromNow(days: number, now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
