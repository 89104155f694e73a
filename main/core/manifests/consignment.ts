import type { ManifestFormat, ManifestHeaderInput, PartyInput, Problem } from '../../../shared/domain/manifest';

/** A manifest line after validation: values normalised, numbers exact, problems attached. */
export interface ConsignmentRecord {
  readonly lineNo: number;
  /** Human reference to the source: "Manifest!R12" or "segment 34". */
  readonly sourceRef: string;
  readonly blNumber: string | null;
  readonly masterBl: string | null;
  /** Normalised (MSCU1234567) when it has the right shape, else as written. */
  readonly containerNumber: string | null;
  /** null when there is no container or it cannot be checked. */
  readonly containerCheckDigitOk: boolean | null;
  readonly containerType: string | null;
  readonly seals: readonly string[];
  readonly shipper: PartyInput | null;
  readonly consignee: PartyInput | null;
  readonly notify: PartyInput | null;
  readonly goodsDescription: string;
  readonly hsCode: string | null;
  readonly packages: number | null;
  readonly packageType: string | null;
  /** Exact decimal text in kilograms, e.g. "21559.6". */
  readonly grossWeightKg: string | null;
  readonly placeOfReceipt: string | null;
  readonly portOfLoading: string | null;
  readonly transshipmentPorts: readonly string[];
  readonly portOfDischarge: string | null;
  readonly placeOfDelivery: string | null;
  readonly originCountry: string | null;
  readonly reefer: boolean | null;
  readonly problems: readonly Problem[];
}

export interface ParsedManifest {
  readonly fileName: string;
  readonly sha256: string;
  readonly format: ManifestFormat;
  readonly header: ManifestHeaderInput;
  readonly consignments: readonly ConsignmentRecord[];
  /** Problems about the file as a whole (structure, header facts). */
  readonly problems: readonly Problem[];
  readonly containerCount: number;
  readonly totalGrossWeightKg: string;
  readonly badCheckDigitContainers: readonly string[];
  /** For sheets and CSV: how columns were mapped (the wizard shows and edits it). */
  readonly mapping?: {
    readonly sheet: string;
    readonly headerRow: number;
    readonly columns: Readonly<Record<string, number>>;
    readonly unmapped: readonly { readonly column: number; readonly header: string }[];
    /** Normalised header texts, the key under which the officer's choices are saved. */
    readonly fingerprint: string;
    /** The header cells and the first data rows as read, for the mapping wizard's preview. */
    readonly headers: readonly string[];
    readonly sample: readonly (readonly string[])[];
  };
}

/** What is known of a manifest before its lines are validated: enough to open its record in the database. */
export type ManifestHead = Pick<ParsedManifest, 'fileName' | 'sha256' | 'format' | 'header' | 'mapping'>;

/** What is known once every line has been validated. */
export interface ManifestTotals extends Pick<ParsedManifest, 'problems' | 'containerCount' | 'totalGrossWeightKg' | 'badCheckDigitContainers'> {
  readonly lineCount: number;
}

/** What the import worker sends back after storing: everything but the lines themselves. */
export interface StoredManifestSummary extends Omit<ParsedManifest, 'consignments'> {
  readonly lineCount: number;
  /** Problems of the file and of every line, in file order. */
  readonly allProblems: readonly Problem[];
}

/** The problems of the file and of every line, in file order. */
export function allProblemsOf(manifest: Pick<ParsedManifest, 'problems' | 'consignments'>): Problem[] {
  return [...manifest.problems, ...manifest.consignments.flatMap((line) => line.problems)];
}
