/**
 * A budget for log lines a caller can cause at will (refused requests): at most `perWindow` lines of
 * one kind per window, the rest counted and reported on the next line of that kind that is written.
 * Without it, one key holder flooding refused requests writes one warning each, drowning the log.
 * Kinds are the caller's fixed strings, never outside input, so the map stays as small as the code.
 */
export class LogBudget {
  private readonly windows = new Map<string, { start: number; written: number; suppressed: number }>();

  constructor(
    private readonly perWindow = 20,
    private readonly windowMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether a line of `kind` may be written now; when it may, `suppressed` is how many lines of that
   * kind were dropped since the last one written (0 if none), for the caller to put on the line.
   */
  take(kind: string): { write: false } | { write: true; suppressed: number } {
    const at = this.now();
    let window = this.windows.get(kind);
    if (!window || at - window.start >= this.windowMs) {
      window = { start: at, written: 0, suppressed: window?.suppressed ?? 0 };
      this.windows.set(kind, window);
    }
    if (window.written >= this.perWindow) {
      window.suppressed += 1;
      return { write: false };
    }
    window.written += 1;
    const suppressed = window.suppressed;
    window.suppressed = 0;
    return { write: true, suppressed };
  }
}
