import { REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { checkSubgraphs, failuresOf } from './check';
import { formatCheckReport } from './check-report';

describe('the committed schemas', () => {
  it('pass the check against the committed baselines (a breaking change nobody acknowledged fails here, as in `pnpm check`)', async () => {
    const report = await checkSubgraphs({ root: REPOSITORY_ROOT });
    // The whole report on failure: it names the subgraph and the change.
    expect({ failures: report.subgraphs.flatMap((check) => failuresOf(check).map((failure) => `${check.entry.name}: ${failure}`)), report: report.passed ? '' : formatCheckReport(report) }).toEqual({
      failures: [],
      report: '',
    });
    expect(report.subgraphs.map((check) => check.entry.name)).toEqual(SUBGRAPHS.map((entry) => entry.name));
  });
});
