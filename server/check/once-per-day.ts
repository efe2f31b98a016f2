/**
 * A value made from the rule base once a day: the rules are code, only whether each instrument is
 * in force changes, judged on the day asked (UTC date). The day's value is shared by the requests
 * that ask while it is made; the previous day's is dropped; a failed make is not kept.
 */
export function oncePerDay<T>(make: (day: string) => Promise<T>): () => Promise<T> {
  let kept: { day: string; value: Promise<T> } | undefined;
  return () => {
    const day = new Date().toISOString().slice(0, 10);
    if (kept?.day !== day) {
      const value: Promise<T> = make(day).catch((e: unknown) => {
        if (kept?.value === value) kept = undefined;
        throw e;
      });
      kept = { day, value };
    }
    return kept.value;
  };
}
