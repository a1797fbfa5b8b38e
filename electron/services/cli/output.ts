/** CLI output: human lines by default, JSON only with --json. */
export class Output {
  constructor(readonly json: boolean) {}

  result(human: string, data: unknown): void {
    process.stdout.write(this.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
  }

  table(rows: Record<string, unknown>[], columns: [key: string, label: string][]): string {
    const head = columns.map(([, label]) => label).join('\t');
    const body = rows.map((r) => columns.map(([k]) => String(r[k] ?? '')).join('\t'));
    return [head, ...body].join('\n');
  }
}
