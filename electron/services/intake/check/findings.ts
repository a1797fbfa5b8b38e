/**
 * Intake findings: stable codes (documented in README "Intake finding codes"), a severity each, and
 * the person / file / page / roster row a finding concerns, with a plain Chinese sentence.
 */
export const FINDING_SEVERITY = {
  // Roster
  ID_FORMAT: 'error',
  ID_CHECKSUM: 'error',
  ID_BIRTH_DATE: 'error',
  ID_NUMERIC_PRECISION: 'error',
  ID_FORMULA: 'warning',
  DUPLICATE_PERSON: 'error',
  MISSING_NAME: 'error',
  BAD_VOLUMES: 'error',
  BAD_PAGES: 'error',
  UNKNOWN_COMMUNITY: 'error',
  ALREADY_HELD: 'error',
  IN_OPEN_BATCH: 'error',
  ROSTER_MAPPING_AMBIGUOUS: 'warning',
  // Digital copy
  UNSAFE_PATH: 'error',
  NO_FOLDER: 'error',
  NO_ROSTER_ROW: 'error',
  DUPLICATE_FOLDER: 'error',
  PAGE_COUNT_MISMATCH: 'error',
  VOLUME_COUNT_MISMATCH: 'warning',
  UNREADABLE_IMAGE: 'error',
  UNSUPPORTED_FORMAT: 'error',
  IMAGE_TOO_LARGE: 'error',
  LOW_DPI: 'error',
  DUPLICATE_IMAGE: 'error',
  SKEW: 'error',
  PAGE_SEQUENCE_GAP: 'error',
  PAGE_SEQUENCE_REPEAT: 'error',
  PAGE_NUMBER_UNREAD: 'warning',
  ITEM_LIST_PAGES_MISMATCH: 'error',
  ITEM_LIST_UNREADABLE: 'warning',
} as const satisfies Record<string, 'error' | 'warning'>;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type Severity = 'error' | 'warning';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The person's ID number as written in the roster or folder name (null: concerns no one person). */
  idNumber: string | null;
  name: string | null;
  /** The roster file, or the image / folder path relative to the package (forward slashes). */
  file: string | null;
  /** 1-based position of the page image in the person's folder (null: not about one page). */
  page: number | null;
  /** 1-based roster row (spreadsheet row number), null for digital-copy findings. */
  row: number | null;
  message: string;
}

export interface FindingSubject {
  idNumber?: string | null;
  name?: string | null;
  file?: string | null;
  page?: number | null;
  row?: number | null;
}

export function finding(code: FindingCode, subject: FindingSubject, message: string): Finding {
  return {
    code,
    severity: FINDING_SEVERITY[code],
    idNumber: subject.idNumber ?? null,
    name: subject.name ?? null,
    file: subject.file ?? null,
    page: subject.page ?? null,
    row: subject.row ?? null,
    message,
  };
}
