// Error text that is safe to log. Drizzle puts a failed query's parameters (names,
// phone numbers, PINs) into its error message, so logs get the query and the
// database's own reason, never the values.
export function loggableError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 300);
  const withoutParams = err.message.split(/\nparams:/)[0] ?? err.message;
  const cause = err.cause instanceof Error ? ` (cause: ${loggableError(err.cause)})` : "";
  return `${err.name}: ${withoutParams}`.slice(0, 500) + cause;
}
