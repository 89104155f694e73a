import type { z } from 'zod';
import { ProfileDraftInput } from '../../../shared/ipc/risk-contract';
import type { Indicator, IndicatorParams } from './types';

export const watchSeverities = ['critical', 'high', 'medium', 'low'] as const;
export type WatchSeverity = (typeof watchSeverities)[number];

export const lanes = ['red', 'yellow', 'green'] as const;
export type Lane = (typeof lanes)[number];

/** How a profile version uses one indicator. */
export interface ProfileIndicator {
  readonly weight: number;
  readonly params: IndicatorParams;
}

/**
 * One immutable version of a targeting profile. Scores name the version that
 * produced them, so an edit never changes what an old score meant.
 */
export interface ProfileVersion {
  readonly id: number;
  readonly profileId: number;
  readonly name: string;
  readonly version: number;
  readonly redThreshold: number;
  readonly yellowThreshold: number;
  /** Share of lines picked for examination at random whatever their score (0 to 0.2). */
  readonly randomRate: number;
  readonly watchlistWeights: Readonly<Record<WatchSeverity, number>>;
  /** Enabled indicators only. */
  readonly indicators: ReadonlyMap<string, ProfileIndicator>;
  readonly active: boolean;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly changeReason: string;
}

/** What a supervisor submits to make a new version: the contract's schema, so the IPC boundary and the store check the same rules. */
export const ProfileDraft = ProfileDraftInput;
export type ProfileDraft = z.infer<typeof ProfileDraft>;

export const DEFAULT_THRESHOLDS = { red: 60, yellow: 30 } as const;
export const DEFAULT_RANDOM_RATE = 0.02;
export const DEFAULT_WATCHLIST_WEIGHTS: Readonly<Record<WatchSeverity, number>> = { critical: 100, high: 70, medium: 40, low: 20 };

/** The first version of the unit's profile: every shipped indicator at its default weight. */
export function defaultDraft(indicators: readonly Indicator[]): ProfileDraft {
  return {
    redThreshold: DEFAULT_THRESHOLDS.red,
    yellowThreshold: DEFAULT_THRESHOLDS.yellow,
    randomRate: DEFAULT_RANDOM_RATE,
    watchlistWeights: { ...DEFAULT_WATCHLIST_WEIGHTS },
    indicators: indicators.map((indicator) => ({ id: indicator.id, weight: indicator.defaultWeight, params: indicator.defaultParams })),
    changeReason: 'Initial profile: every indicator at its default weight',
  };
}

export type DraftProblem = { readonly field: string; readonly indicator?: string; readonly message: string };

/**
 * Checks a draft against the indicators this build knows: unknown ids and
 * parameters an indicator refuses are named, so the supervisor can fix them.
 */
export function checkDraft(draft: ProfileDraft, known: ReadonlyMap<string, Indicator>): { indicators: Map<string, ProfileIndicator>; problems: DraftProblem[] } {
  const indicators = new Map<string, ProfileIndicator>();
  const problems: DraftProblem[] = [];
  for (const entry of draft.indicators) {
    const indicator = known.get(entry.id);
    if (!indicator) {
      problems.push({ field: 'indicators', indicator: entry.id, message: `unknown indicator ${entry.id}` });
      continue;
    }
    const parsed = indicator.params.safeParse({ ...indicator.defaultParams, ...(entry.params ?? {}) });
    if (!parsed.success) {
      problems.push({ field: 'params', indicator: entry.id, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      continue;
    }
    if (entry.weight > 0) indicators.set(entry.id, { weight: entry.weight, params: parsed.data });
  }
  return { indicators, problems };
}

export function laneOf(total: number, version: Pick<ProfileVersion, 'redThreshold' | 'yellowThreshold'>): Lane {
  if (total >= version.redThreshold) return 'red';
  if (total >= version.yellowThreshold) return 'yellow';
  return 'green';
}
