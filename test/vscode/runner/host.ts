/** What main hands to a test host: where things are, and how to leave nothing behind. */
export interface HostRun {
  root: string;
  /** The bundled suite entry that VS Code loads into the extension host. */
  suitePath: string;
  /** Starts the mock MegaAPI (stopped with everything else) and returns its URL, for the suite's MEGAAPI_MOCK_URL. */
  startMock(): Promise<string>;
  /** A throw-away folder, removed after the run; `*.log` files in it are kept when the run fails. */
  workDir: string;
  /**
   * Registers a shutdown step. Steps run in reverse order once the suite ends,
   * times out or is interrupted, so a host never has to be awaited to the end
   * for its processes to stop.
   */
  onCleanup(step: () => unknown): void;
}

/** Exit code of the suite: 0 when every test passed, anything else when not. */
export type TestHost = (run: HostRun) => Promise<number>;

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  );
}
