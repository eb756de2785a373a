import type { Answer } from './answer';
import type { ReadKind } from './operations';

const READ_KINDS: readonly ReadKind[] = ['dashboard', 'one-department'];

/** Every kind of read at least this often in the all-full run that counts as recovered. */
const READS_PER_KIND = 2;

/**
 * How long after `faultEnd` every read answered in full again, judged on the
 * reads sent from `faultEnd` on and answered by `until`: the first read sent
 * after the last one that did not answer in full starts a run of full
 * answers that must hold every kind of read at least twice and last
 * `stableMs`. Zero when no read sent after the fault's end failed; null when
 * no such run exists yet (not recovered).
 */
export function timeToRecover(answers: readonly Answer[], faultEnd: number, until: number, stableMs: number): number | null {
  const reads = answers.filter((answer) => answer.kind !== 'write' && answer.startedAt >= faultEnd && answer.endedAt <= until).sort((a, b) => a.startedAt - b.startedAt);
  let lastFailure = -1;
  reads.forEach((answer, index) => {
    if (answer.outcome !== 'full') {
      lastFailure = index;
    }
  });
  const run = reads.slice(lastFailure + 1);
  if (run.length === 0) {
    return null;
  }
  const enough = READ_KINDS.every((kind) => run.filter((answer) => answer.kind === kind).length >= READS_PER_KIND);
  const lasting = Math.max(...run.map((answer) => answer.endedAt)) - run[0].startedAt >= stableMs;
  if (!enough || !lasting) {
    return null;
  }
  return lastFailure < 0 ? 0 : run[0].startedAt - faultEnd;
}
