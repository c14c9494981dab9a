import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from "typeorm";

/**
 * Counts the SQL statements a subgraph runs. Tests read it to prove there is no N+1 (the count of
 * a request must not grow with the data); it stays silent otherwise, errors aside.
 */
export class SqlCounter extends AbstractLogger {
  private statements = 0;

  /** `echo`: print every statement (LOG_SQL=1, read by readDatabaseConfig). */
  constructor(private readonly echo = false) {
    super();
  }

  get count(): number {
    return this.statements;
  }

  override logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements++;
    if (this.echo) console.log(query);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    if (level === "error" || level === "warn") {
      const messages = Array.isArray(message) ? message : [message];
      for (const m of messages) console.error(`[sql:${level}]`, m.message);
    }
  }
}
