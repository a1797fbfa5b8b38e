export { readRoster, readGrids } from './readRoster';
export { rosterRowOf } from './rosterRows';
export { splitPlace, classifyHeader } from './fields';
export type { ColumnMapping, Grid, GridCell, RosterField, RosterReadOptions, RosterReadResult, RosterRow, RosterFooter, RosterLimits } from './types';
export { DEFAULT_ROSTER_LIMITS, FIELD_LABELS, ROSTER_FIELDS } from './types';
