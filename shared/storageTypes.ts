/**
 * Storage (库房) types shared by the core and the renderer: rooms → shelving units (密集架) → rows (列)
 * → sections (节) → shelves (层), sides A/B; placement of archive files in archive-number order;
 * locate; the capacity dashboard; stocktaking (盘点).
 */

export type RoomKind = 'storage' | 'reading' | 'office';
/** Chinese names for RoomKind, as shown and as accepted in layout imports. */
export const ROOM_KIND_LABEL: Record<RoomKind, string> = { storage: '库房', reading: '阅档室', office: '办公室' };

export interface Room {
  id: number;
  name: string;
  kind: RoomKind;
  /** Floor area in m² (0 = not recorded). */
  areaM2: number;
  note: string;
  unitCount: number;
  shelfCount: number;
}

export type Side = 'A' | 'B';

/** A shelving unit as filled in on the form (checked on screen, then created by the services). */
export interface UnitSpec {
  name: string;
  rows: number;
  sections: number;
  shelves: number;
  /** One face, or two faces back to back. */
  sides: 'A' | 'AB';
  shelfWidthMm: number | null;
  shelfCapacityVolumes: number | null;
}

export interface ShelvingUnit {
  id: number;
  roomId: number;
  roomName: string;
  /** e.g. 1号密集架 */
  name: string;
  rows: number;
  sections: number;
  shelves: number;
  sides: Side[];
  /** Usable width per shelf in mm, or null when capacity is given in volumes. */
  shelfWidthMm: number | null;
  /** Capacity per shelf in volumes, or null when given as width. */
  shelfCapacityVolumes: number | null;
  shelfCount: number;
  /** Files placed on this unit now. */
  fileCount: number;
}

export interface Shelf {
  id: number;
  unitId: number;
  row: number;
  section: number;
  level: number;
  side: Side;
  widthMm: number | null;
  capacityVolumes: number | null;
  /** Effective capacity in mm (width, or volumes × default thickness per volume). */
  capacityMm: number;
  usedMm: number;
  fileCount: number;
  /** 库房-列-节-层-面 */
  place: string;
}

/** A file's exact place: 库房-列-节-层-面-位. */
export interface Place {
  roomId: number;
  roomName: string;
  unitId: number;
  unitName: string;
  shelfId: number;
  row: number;
  section: number;
  level: number;
  side: Side;
  /** 位: 1-based position on the shelf in archive-number order. */
  position: number;
  /** e.g. 一号库房-3列-2节-4层-A面-12位 (unit name included when the room has more than one unit). */
  label: string;
}

export type FileStatus = 'held' | 'on_loan' | 'digitizing' | 'transferred_out';
export const FILE_STATUS_LABEL: Record<FileStatus, string> = { held: '在架', on_loan: '借出', digitizing: '数字化中', transferred_out: '已转出' };

export interface LocateHit {
  fileId: number;
  archiveNo: string;
  personId: number;
  name: string;
  idNumber: string;
  communityId: number;
  communityName: string;
  volumes: number;
  status: FileStatus;
  statusLabel: string;
  /** null: not placed on a shelf yet (未上架). */
  place: Place | null;
}

export type ReserveRule = { mode: 'percent'; value: number } | { mode: 'months'; value: number };

export interface LabelGridSetting {
  columns: number;
  rows: number;
  /** Page margins and gaps between labels, millimetres. */
  marginTopMm: number;
  marginLeftMm: number;
  gapXMm: number;
  gapYMm: number;
  labelWidthMm: number;
  labelHeightMm: number;
}

export interface StorageSettings {
  /** Used when a file's thickness was not measured at intake: per volume, mm. */
  defaultVolumeThicknessMm: number;
  /** Growth reserve for communities without their own rule. */
  defaultReserve: ReserveRule;
  /** Per community (id → rule). */
  reserves: Record<string, ReserveRule>;
  compliance: {
    /** m² of storage room per 10,000 volumes (Dalian 15, Shenyang 20). */
    areaM2Per10k: number;
    /** One full-time keeper per this many volumes (10,000 Shenyang, 30,000 Dalian). */
    volumesPerKeeper: 10000 | 30000;
    keepers: number;
  };
  labelGrid: LabelGridSetting;
}

// ── placement ──
export interface PlanPlacement {
  fileId: number;
  archiveNo: string;
  communityId: number;
  shelfId: number;
  place: string;
}
export interface PlanMove {
  fileId: number;
  archiveNo: string;
  communityId: number;
  communityName: string;
  fromShelfId: number;
  fromPlace: string;
  toShelfId: number;
  toPlace: string;
}
export interface PlanRun {
  communityId: number;
  communityName: string;
  firstPlace: string;
  lastPlace: string;
  shelves: number;
  files: number;
  /** What changed for this run in the plan. */
  change: 'new' | 'extended' | 'relocated' | 'unchanged';
}
export interface PlacementPlan {
  /** Hash of the state the plan was made from; commit refuses if the state changed since. */
  planId: string;
  placements: PlanPlacement[];
  /** The fewest moves of files already on shelves that keep every community in order and contiguous. */
  moves: PlanMove[];
  runs: PlanRun[];
  summary: { toPlace: number; moves: number; communities: number };
  /** Plain-Chinese notes (e.g. why a run was relocated). */
  notes: string[];
}

// ── capacity dashboard ──
export interface ComplianceCheck {
  key: 'area' | 'keepers' | 'separateRooms';
  title: string;
  pass: boolean;
  /** The numbers behind the verdict, e.g. 库房面积 300 m²，需 ≥ 75 m²（5.0 万卷 × 15 m²/万卷）. */
  detail: string;
  actual: number;
  required: number;
}
export interface FillFigures {
  capacityMm: number;
  usedMm: number;
  freeMm: number;
  /** Free space inside community runs (kept for growth). */
  reservedMm: number;
  /** used / capacity, 0–1. */
  fill: number;
  files: number;
  volumes: number;
}
export interface RoomCapacity extends FillFigures {
  roomId: number;
  name: string;
  kind: RoomKind;
  areaM2: number;
  /** mm per month at the current intake rate placed in this room (0 when no intake observed). */
  monthlyGrowthMm: number;
  /** YYYY-MM-DD when the room is full at the current rate; null when no growth observed or no room. */
  forecastFullOn: string | null;
  units: (FillFigures & { unitId: number; name: string; rows: (FillFigures & { row: number })[] })[];
}
export interface CommunityRunCapacity {
  communityId: number;
  communityName: string;
  firstPlace: string;
  lastPlace: string;
  shelves: number;
  capacityMm: number;
  usedMm: number;
  freeMm: number;
  /** Reserve the settings ask for, mm. */
  reserveMm: number;
  files: number;
  /** Files waiting to be placed. */
  unplaced: number;
}
export interface CapacityDashboard {
  totals: FillFigures & { unplacedFiles: number };
  rooms: RoomCapacity[];
  runs: CommunityRunCapacity[];
  /** Last 12 months: files and volumes received per month (YYYY-MM). */
  intakePerMonth: { month: string; files: number; volumes: number }[];
  compliance: ComplianceCheck[];
  asOf: string;
}

// ── layout import ──
export interface LayoutImportProblem {
  /** Spreadsheet row number (1-based, as Excel shows it), 0 for the whole file. */
  row: number;
  message: string;
}
export interface LayoutImportPreview {
  /** Hash of the file's content; commit needs the same file. */
  token: string;
  newRooms: string[];
  units: { room: string; name: string; shelves: number; isNew: boolean }[];
  shelves: number;
  problems: LayoutImportProblem[];
}

// ── stocktaking (盘点) ──
export type StocktakeStatus = 'open' | 'finished';
export interface StocktakeScope {
  unitId: number;
  /** Inclusive row range (列); null = all rows of the unit. */
  fromRow: number | null;
  toRow: number | null;
}
export interface Stocktake {
  id: number;
  title: string;
  scope: StocktakeScope;
  scopeLabel: string;
  status: StocktakeStatus;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
  expected: number;
  scanned: number;
  reportDocumentId: number | null;
}
export type ScanOutcome = 'found' | 'misplaced' | 'unexpected' | 'on_loan' | 'duplicate' | 'rejected';
export interface ScanResult {
  outcome: ScanOutcome;
  code: string;
  /** What the clerk sees at once, in Chinese. */
  message: string;
  archiveNo: string | null;
  name: string | null;
  /** Where the file belongs (misplaced / on_loan / unexpected with a place). */
  belongsAt: string | null;
  scanned: number;
  expected: number;
}
export interface StocktakeReport {
  stocktake: Stocktake;
  found: number;
  missing: { archiveNo: string; name: string; place: string }[];
  misplaced: { archiveNo: string; name: string; scannedAt: string; belongsAt: string }[];
  unexpected: { code: string; archiveNo: string | null; name: string | null; scannedAt: string; note: string }[];
  onLoan: { archiveNo: string; name: string; place: string }[];
}
