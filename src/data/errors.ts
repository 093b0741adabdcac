/** Reading SharePoint/PnPjs errors without depending on their classes. */

export function httpStatusOf(e: unknown): number | undefined {
  const s = e && typeof e === 'object' ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}

/** SharePoint ran out of time on one part of a $batch (500 ClientServiceTimeoutException, FIDELITY B-13). */
export function isPartTimeout(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return httpStatusOf(e) === 500 && /ClientServiceTimeoutException/.test(text);
}

/**
 * SharePoint refused for load (429 throttled, 503 busy), also after PnPjs gave up retrying ("Retry count exceeded … 429"),
 * or a batch part still timed out after its retries (src/data/batchRetry.ts).
 */
export function isServerBusy(e: unknown): boolean {
  const status = httpStatusOf(e);
  if (status === 429 || status === 503 || isPartTimeout(e)) return true;
  const text = e instanceof Error ? e.message : String(e);
  return /Retry count exceeded[^.]*\.\s*(429|503)\b/.test(text);
}

/** SharePoint's own message from an odata.error body, when PnPjs put it in the error text. */
export function sharePointMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const m = /"message"\s*:\s*\{[^}]*"value"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  if (m) {
    try {
      return JSON.parse(`"${m[1]}"`) as string;
    } catch {
      return m[1];
    }
  }
  return text;
}

/**
 * SharePoint refused a write because the list's validation formula failed. Through REST it
 * answers 500 "List data validation failed." without the list's own message (FIDELITY V-01),
 * so the caller supplies the rule's text from the schema.
 */
export class ListValidationError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ListValidationError';
    Object.setPrototypeOf(this, ListValidationError.prototype);
  }
}

export function isListValidationFailure(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return httpStatusOf(e) === 500 && /SPListDataValidationException|List data validation failed/.test(text);
}
