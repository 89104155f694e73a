/**
 * The canonical shape every manifest reader produces, whatever the file was
 * (spreadsheet, CSV, UN/EDIFACT CUSCAR). Values stay TEXT here: numbers are
 * parsed and checked by validation (shared/domain/validation), never by the
 * readers, so a reader can never silently turn "21559,6" into 215596.
 */

/** Files above this are refused before anything reads them (main), and never sent (renderer). */
export const MAX_MANIFEST_MB = 100;
export const MAX_MANIFEST_BYTES = MAX_MANIFEST_MB * 1024 * 1024;

export const manifestFormats = ['xlsx', 'xls', 'ods', 'csv', 'tsv', 'cuscar'] as const;
export type ManifestFormat = (typeof manifestFormats)[number];

/** Where in the file a value or a problem comes from. Rows are 1-based as a spreadsheet shows them. */
export interface SourceRef {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  /** 1-based position of the EDIFACT segment in the interchange. */
  readonly segment?: number;
}

export interface PartyInput {
  readonly name: string;
  readonly address?: string;
  readonly country?: string;
}

/** One B/L × one container (or one air waybill), as the file states it. */
export interface ManifestLineInput {
  readonly source: SourceRef;
  readonly blNumber?: string;
  readonly masterBl?: string;
  readonly containerNumber?: string;
  readonly containerType?: string;
  readonly seals: readonly string[];
  readonly shipper?: PartyInput;
  readonly consignee?: PartyInput;
  readonly notify?: PartyInput;
  readonly goodsDescription?: string;
  readonly hsCode?: string;
  readonly packages?: string;
  readonly packageType?: string;
  readonly grossWeightKg?: string;
  readonly placeOfReceipt?: string;
  readonly portOfLoading?: string;
  readonly transshipmentPorts: readonly string[];
  readonly portOfDischarge?: string;
  readonly placeOfDelivery?: string;
  readonly originCountry?: string;
  readonly reefer?: boolean;
}

/** The vessel (or flight) call the whole file is about. */
export interface ManifestHeaderInput {
  readonly mode: 'sea' | 'air' | 'rail' | 'road';
  readonly vesselName?: string;
  readonly imo?: string;
  readonly voyage?: string;
  readonly carrier?: string;
  readonly portOfLoading?: string;
  readonly portOfDischarge?: string;
  readonly departureDate?: string;
  readonly arrivalDate?: string;
  /** Who sent the file (carrier SCAC, EDIFACT sender id, or the officer's label): keys the saved column mapping. */
  readonly sender?: string;
}

/** Stable problem codes; the UI and the CLI translate them (catalogue key `problem.<code>`). */
export const problemCodes = [
  // structure
  'HEADER_NOT_FOUND',
  'COLUMN_UNMAPPED',
  'ROW_UNUSABLE',
  'SEGMENT_UNKNOWN',
  'SEGMENT_MALFORMED',
  'QUALIFIER_UNEXPECTED',
  'INTERCHANGE_TRUNCATED',
  'CONTROL_COUNT_MISMATCH',
  // values
  'CONTAINER_NUMBER_INVALID',
  'CONTAINER_CHECK_DIGIT',
  'IMO_INVALID',
  'IMO_CHECK_DIGIT',
  'LOCODE_INVALID',
  'LOCODE_UNKNOWN',
  'HS_CODE_INVALID',
  'PACKAGES_INVALID',
  'WEIGHT_INVALID',
  'DATE_INVALID',
  'AWB_CHECK_DIGIT',
  'BL_MISSING',
  'CONTAINER_MISSING',
  'GOODS_MISSING',
  'FORMULA_TEXT',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export interface Problem extends SourceRef {
  readonly code: ProblemCode;
  /** Values for the translated message, e.g. { value: 'MSCU1234560', expected: '7' }. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A table of text cells as read from a sheet or a CSV file, before column mapping. */
export interface RawTable {
  readonly sheet: string;
  /** rows[i][j]: the cell text of spreadsheet row i+1, column j+1 ('' when empty). */
  readonly rows: readonly (readonly string[])[];
}
