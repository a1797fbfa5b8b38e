/** Options the storage commands add to the CLI's parseArgs table. */
export const storageCliOptions = {
  'archive-no': { type: 'string' }, // storage locate --archive-no NO
} as const;
