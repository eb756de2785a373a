/** How a GraphQL request ended, a metric label: a handful of values whatever the traffic. */
export type RequestOutcome = 'ok' | 'partial' | 'error' | 'abandoned';

/** The operation types, and `unknown` for a request refused before its operation was known. */
export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/**
 * What one `/graphql` request did, gathered while it runs and recorded in
 * the process's metrics once, when it ends: the HTTP server starts it, the
 * Apollo plugin adds the operation type and the answer's error codes, the
 * SQL logger counts the statements sent on its behalf.
 */
export class RequestObservation {
  operationType: OperationType = 'unknown';
  statements = 0;
  readonly errorCodes: string[] = [];
  private answeredWithData = false;
  private ended = false;

  constructor(private readonly record: (observation: RequestObservation, outcome: RequestOutcome) => void) {}

  /** The answer GraphQL execution produced: whether it carries data, and its errors' codes. */
  answered(hasData: boolean, codes: readonly string[]): void {
    this.answeredWithData = hasData;
    this.errorCodes.push(...codes);
  }

  /** Refused by the HTTP server itself (a body it cannot read, a limit, a busy caller), with this code. */
  refused(code: string): void {
    this.errorCodes.push(code);
  }

  statementSent(): void {
    if (!this.ended) {
      this.statements += 1;
    }
  }

  /** Records the request with its HTTP status; `abandoned` when its caller left before the answer. Only the first call counts. */
  end(status: number, abandoned: boolean): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    if (this.errorCodes.length === 0 && status >= 400) {
      // Refused by Apollo's HTTP layer before any plugin ran (a GET mutation, no query at all).
      this.errorCodes.push(status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    }
    const outcome: RequestOutcome = abandoned ? 'abandoned' : this.errorCodes.length === 0 ? 'ok' : this.answeredWithData ? 'partial' : 'error';
    this.record(this, outcome);
  }
}
