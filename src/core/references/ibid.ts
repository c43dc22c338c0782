/**
 * "Ibid." chains (UN practice: citing instruments): a footnote that repeats the source of the note before
 * it says "Ibid." (same place) or "Ibid., vol. 2326, No. 39574." (same work, other place). The corpus
 * chains them across resolutions: footnote 16 "Ibid." means vol. 2225 because footnote 15 was
 * "Ibid., vol. 2225, No. 39574.", which itself leans on footnote 14.
 */

/** The parts of a citation that locate something inside a work: volume, annex, paragraph, chapter, page. */
const LOCATOR = /,\s*(?:vols?\.|annex\b|annexes\b|paras?\.|chap\.|sect\.|p\.|pp\.|No\.|art\.)/;

const IBID = /^Ibid\.(?:,\s*(.*))?$/;

/** The work a citation names, without its locator: "United Nations, Treaty Series" for a Treaty Series note. */
export function citedWork(citation: string): string {
  const m = LOCATOR.exec(citation);
  return (m ? citation.slice(0, m.index) : citation.replace(/\.$/, '')).trim();
}

export function isIbid(text: string): boolean {
  return IBID.test(text.trim());
}

/**
 * Expands each footnote in reading order: the result has the same length, with every "Ibid." replaced
 * by the source it stands for. An "Ibid." with nothing before it is left as printed.
 */
export function resolveIbidChain(texts: readonly string[]): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const raw of texts) {
    const text = raw.trim();
    const m = IBID.exec(text);
    let resolved = text;
    if (m && previous !== undefined) {
      const rest = m[1]?.trim();
      resolved = rest ? `${citedWork(previous)}, ${rest}` : previous;
    }
    out.push(resolved);
    previous = resolved;
  }
  return out;
}
