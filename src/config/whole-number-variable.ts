/**
 * Reads whole-number environment variables the one way every configuration module does: unset or
 * blank means the default; anything but digits within [min, max] adds one problem line naming the
 * variable (never its value) to `problems` and yields the default.
 */
export type WholeNumberReader = (variable: string, fallback: number, min: number, max: number, unit: string) => number;

export function wholeNumberReader(env: NodeJS.ProcessEnv, problems: string[]): WholeNumberReader {
  return (variable, fallback, min, max, unit) => {
    const text = env[variable]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (/^\d+$/.test(text) && value >= min && value <= max) return value;
    problems.push(`${variable} must be a whole number of ${unit} from ${min} to ${max}`);
    return fallback;
  };
}
