/**
 * Source tags carried by every parameter value (docs/machinery.md, "Source tags").
 *
 * - `V`  seen in a retrieved source (the methods doc names it)
 * - `V*` derived: a published number reproduces exactly from this value
 * - `M`  unconfirmed (recalled from ASABE D497.7 / AgDM A3-29 tables, or a placeholder assumption)
 * - `user`   given by the user (flag, scenario file or own catalog file)
 * - `preset` taken from a dated scenario preset (the source URL and date travel with it)
 * - `measured` measured on the field in a demonstration (a filled plot or block sheet; the sheet and
 *   the sums it comes from travel with it)
 */
export type SourceTag = 'V' | 'V*' | 'M' | 'user' | 'preset' | 'measured';

export const sourceTags: readonly SourceTag[] = Object.freeze(['V', 'V*', 'M', 'user', 'preset', 'measured']);

/** One number with where it came from. */
export interface TaggedValue {
  value: number;
  tag: SourceTag;
  /** Free text naming the source: "S9: 0.04*3^2.1 = 0.402", "methods doc §8 assumption", a URL. */
  source: string;
  /** Date the source reported the value for (presets only), e.g. "2023" or "2023-11-21". */
  asOf?: string;
}

/** A typical value with its range (min <= typical <= max) and where it came from. */
export interface TaggedRange {
  min: number;
  typical: number;
  max: number;
  tag: SourceTag;
  source: string;
}

/** "[V*]" — how a tag is printed next to a number. */
export function formatTag(tag: SourceTag): string {
  return `[${tag}]`;
}

export function tagged(value: number, tag: SourceTag, source: string, asOf?: string): TaggedValue {
  return asOf === undefined ? { value, tag, source } : { value, tag, source, asOf };
}

/** The typical value of a range, keeping its tag and source. */
export function typicalOf(range: TaggedRange): TaggedValue {
  return { value: range.typical, tag: range.tag, source: range.source };
}

/** True when a value must not be presented as verified. */
export function isUnconfirmed(tag: SourceTag): boolean {
  return tag === 'M';
}
