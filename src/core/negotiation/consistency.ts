/**
 * What a stored negotiation must say of its text (operations.ts keeps these; a file from elsewhere
 * is checked): every proposal and bracket names a paragraph of the base and words it has, ids are
 * unique, brackets name proposals there are, and no two accepted proposals touch the same words.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { baseParagraphs, isStartKey, rangeFits, readKey } from './paragraphs.ts';
import type { Negotiation, Proposal } from './types.ts';

export interface NegotiationProblem {
  readonly path: string;
  readonly description: string;
}

export function negotiationProblems(doc: ResolutionDocument, n: Negotiation): NegotiationProblem[] {
  const paragraphs = baseParagraphs(doc);
  const out: NegotiationProblem[] = [];
  const ids = new Set<string>();
  const known = (key: string): boolean =>
    paragraphs.byKey.has(key) ||
    (isStartKey(key) &&
      ((readKey(key)?.path.length ?? 0) === 1 ||
        paragraphs.byKey.has(`${readKey(key)?.part}:${readKey(key)?.path.slice(0, -1).join('.')}`)));
  n.proposals.forEach((p, k) => {
    const path = `negotiation.proposals[${k}]`;
    const name = `Proposal ${k + 1} of the negotiation (${p.delegation}'s)`;
    if (ids.has(p.id))
      out.push({
        path: `${path}.id`,
        description: `${name} has the id ${p.id}, which another proposal has.`,
      });
    ids.add(p.id);
    const ok = p.kind === 'new paragraph' ? known(p.key) : paragraphs.byKey.has(p.key);
    if (!ok) {
      out.push({
        path: `${path}.key`,
        description: `${name} is on paragraph ${p.key}, which the text does not have.`,
      });
      return;
    }
    const length = paragraphs.byKey.get(p.key)?.unit.text.length ?? 0;
    if (
      (p.kind === 'insert' || p.kind === 'delete' || p.kind === 'replace') &&
      (!p.range || !rangeFits(p.range, length))
    )
      out.push({
        path: `${path}.range`,
        description: `${name} applies to words outside its paragraph, whose text has ${length} characters.`,
      });
    if (p.kind === 'move' && (!p.to || !known(p.to)))
      out.push({
        path: `${path}.to`,
        description: `${name} moves its paragraph after one the text does not have.`,
      });
  });
  const accepted = n.proposals.filter((p) => p.state === 'accepted' && p.range);
  const clash = (a: Proposal, b: Proposal): boolean =>
    a.key === b.key &&
    a.range !== undefined &&
    b.range !== undefined &&
    a.kind !== 'new paragraph' &&
    b.kind !== 'new paragraph' &&
    Math.max(a.range.start, b.range.start) < Math.min(a.range.end, b.range.end);
  accepted.forEach((a, i) => {
    const b = accepted.slice(i + 1).find((x) => clash(a, x));
    if (b)
      out.push({
        path: 'negotiation.proposals',
        description: `Two accepted proposals (${a.id} and ${b.id}) change the same words; one of them must be rejected.`,
      });
  });
  n.brackets.forEach((b, k) => {
    const path = `negotiation.brackets[${k}]`;
    const length = paragraphs.byKey.get(b.key)?.unit.text.length;
    if (length === undefined || !rangeFits(b.range, length))
      out.push({
        path,
        description: `Bracket ${k + 1} of the negotiation is on words the text does not have.`,
      });
    for (const id of b.proposals)
      if (!ids.has(id))
        out.push({
          path: `${path}.proposals`,
          description: `Bracket ${k + 1} names proposal ${id}, which the negotiation does not have.`,
        });
    if (b.resolved !== undefined && b.resolved !== 'original' && !b.proposals.includes(b.resolved))
      out.push({
        path: `${path}.resolved`,
        description: `Bracket ${k + 1} is resolved to ${b.resolved}, which is not one of its alternatives.`,
      });
  });
  return out;
}
