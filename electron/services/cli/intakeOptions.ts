/** Options `intake check` adds to the CLI's parseArgs table; kept apart so main.ts loads no intake code. */
export const intakeCliOptions = {
  roster: { type: 'string' },
  package: { type: 'string' },
  'skew-limit': { type: 'string' },
  'no-page-numbers': { type: 'boolean' },
} as const;
