import { ApiResult, failure, internalError } from '../api/errors';

/**
 * "The latest request wins": starting a request aborts the one before it, and
 * an answer is used only if its request is still the current one. Whatever
 * arrives after a newer request, a pause or dispose is dropped, so an older
 * QR or code never replaces a newer one.
 */
export class LatestRequest {
  private current?: AbortController;

  get inFlight(): boolean {
    return this.current !== undefined;
  }

  /** Runs `send` as the current request; `onAnswer` sees its result only if nothing replaced it. */
  run<T>(send: (signal: AbortSignal) => Promise<T>, onAnswer: (result: T) => void): void {
    this.abort();
    const request = new AbortController();
    this.current = request;
    void send(request.signal).then((result) => {
      if (this.current !== request) return;
      this.current = undefined;
      onAnswer(result);
    });
  }

  abort(): void {
    this.current?.abort();
    this.current = undefined;
  }
}

/** The client returns errors as values; this covers a bug that throws anyway. */
export async function settle<T>(send: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await send();
  } catch (thrown) {
    return failure(internalError(thrown));
  }
}
