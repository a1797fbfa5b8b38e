/** Options the storage commands add to the CLI's parseArgs table. */
export const storageCliOptions = {} as const;
