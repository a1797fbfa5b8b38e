/** CLI commands for the storage area (`storage …`). Placeholder until the area's commands exist. */
import type { Command } from './session';

export const storageCommands: Record<string, Command> = {};

/** Usage lines for these commands (each line ends with a newline), shown by `npm run -s cli`. */
export const storageUsage = '';
