/** The intake check engine: roster + digital-copy checks, workspace-independent. */
export { runChecks, type IntakeCheckOptions, type IntakeCheckResult, type FolderSummary, type PageSummary, type CheckPhase } from './engine';
export { FINDING_SEVERITY, type Finding, type FindingCode, type Severity } from './findings';
export { checkRoster, type RosterCheckContext, type KnownCommunity, type CheckedRow } from './rosterChecks';
export { createDigitOcr, type DigitOcr, type DigitOcrOptions } from './digitOcr';
export { createPageNumberReader, type PageNumberReader, type PageNumberInput } from './pageNumbers';
export { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './pageRecords';
