import { Violation, Violations } from "../../domain/rules/violations";

/**
 * The write rules' Violations, collected for one CSV row instead of thrown. A cell that could not
 * be read is reported once (its reading rule); the write rules then say nothing more about it.
 */
export class RowViolations extends Violations {
  readonly found: Violation[] = [];
  private readonly unreadable = new Set<string>();

  override add(field: string, rule: string, message: string): this {
    if (this.unreadable.has(field)) return this;
    this.found.push({ field, rule, message });
    return super.add(field, rule, message);
  }

  /** A cell that could not be read: reported, and the field's value is a placeholder from now on. */
  unreadableCell(field: string, rule: string, message: string): void {
    this.add(field, rule, message);
    this.unreadable.add(field);
  }

  /** A field filled from another, unreadable cell (a year from a date): the write rules say nothing about it. */
  unreadableFrom(field: string): void {
    this.unreadable.add(field);
  }
}
