import { runMain } from '@shequ/kit';
import { runDrill } from './drill';
import { toMarkdown, writeReport } from './report';
import { readSettings } from './settings';

/** `pnpm drill [--smoke] [--seconds N] [--results FOLDER]`: prints the table and writes it, with the raw counts, as .md and .json. */
runMain(async () => {
  const settings = readSettings(process.argv.slice(2));
  const log = (line: string) => process.stdout.write(`drill       | ${line}\n`);
  const { report, stamp } = await runDrill(settings, log);
  const file = writeReport(settings.resultsDir, stamp, report);
  process.stdout.write(`\n${toMarkdown(report)}\nwritten to ${file} (and .json beside it; the processes' output in .log)\n`);
});
