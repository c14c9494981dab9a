/**
 * JSON as the tests read it (GraphQL answers, parsed YAML): untyped on purpose. Typing every answer
 * would restate the schema; the assertions are the check (eslint.config.mjs turns the no-unsafe-*
 * rules off in tests for the same reason).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the tests name untyped JSON
export type Json = any;
