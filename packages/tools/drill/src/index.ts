export { runDrill } from './drill';
export { readSettings, type DrillSettings } from './settings';
export { toMarkdown, type DrillReport } from './report';
export type { FaultSummary, CallCounts } from './summary';
export type { Outcome } from './answer';
