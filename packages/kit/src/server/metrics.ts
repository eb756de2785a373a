/**
 * Prometheus text exposition of a process's counters — a few numbers, so no
 * client library: requests served, SQL statements sent, resident memory.
 */
export class ProcessMetrics {
  requests = 0;

  constructor(
    private readonly service: string,
    private readonly statements?: () => number,
  ) {}

  render(): string {
    const label = `{service="${this.service}"}`;
    const lines = [
      '# HELP shequ_graphql_requests_total GraphQL requests answered.',
      '# TYPE shequ_graphql_requests_total counter',
      `shequ_graphql_requests_total${label} ${this.requests}`,
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes${label} ${process.memoryUsage.rss()}`,
    ];
    if (this.statements) {
      lines.push(
        '# HELP shequ_sql_statements_total SQL statements sent to PostgreSQL.',
        '# TYPE shequ_sql_statements_total counter',
        `shequ_sql_statements_total${label} ${this.statements()}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
