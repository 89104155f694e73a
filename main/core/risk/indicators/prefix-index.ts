/**
 * Lookup by code prefix, longest first: HS tables list a chapter ("03"), a
 * heading ("0305") or a subheading ("030571"), and the most precise entry
 * must win (fish needs a reefer, dried fish does not). The same goes for
 * ISO 6346 size-type codes: "45R1" before "4" (any 40-foot unit).
 */
export class PrefixIndex<T> {
  private readonly byPrefix = new Map<string, T[]>();
  /** Prefix lengths present in the table, longest first. */
  private readonly lengths: readonly number[];

  constructor(entries: readonly (readonly [prefix: string, value: T])[]) {
    const lengths = new Set<number>();
    for (const [prefix, value] of entries) {
      const list = this.byPrefix.get(prefix) ?? [];
      list.push(value);
      this.byPrefix.set(prefix, list);
      lengths.add(prefix.length);
    }
    this.lengths = [...lengths].sort((a, b) => b - a);
  }

  /** The entries of the longest prefix of the code present in the table, or []. */
  longest(code: string): readonly T[] {
    for (const length of this.lengths) {
      if (code.length < length) continue;
      const found = this.byPrefix.get(code.slice(0, length));
      if (found) return found;
    }
    return [];
  }

  /** The first entry of the longest matching prefix. */
  first(code: string): T | undefined {
    return this.longest(code)[0];
  }
}
