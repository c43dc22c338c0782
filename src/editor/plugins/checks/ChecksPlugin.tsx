import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../../core/model/types.ts';
import type { References } from '../../../core/references/types.ts';
import { registerChecks } from './registerChecks.ts';

export interface ChecksPluginProps {
  readonly lexicon: Lexicon;
  readonly references: References;
  /**
   * The open draft's model (its kind and metadata: the editor holds neither). Without it the draft is
   * checked as a resolution under the current Editorial Manual's footnote rule.
   */
  readonly document?: Pick<ResolutionDocument, 'kind' | 'metadata'> | undefined;
  /** The open draft's id: its rule switches are kept under it. */
  readonly draftId?: string | undefined;
}

/** Editorial checks as you type: underlines in the page, the list in the Checks panel (ui/ChecksPanel.tsx). */
export function ChecksPlugin({ lexicon, references, document, draftId }: ChecksPluginProps): null {
  const [editor] = useLexicalComposerContext();
  const kind = document?.kind;
  const footnoteRule = document?.metadata.footnoteRule;
  useEffect(
    () =>
      registerChecks(editor, {
        lexicon,
        references,
        // Only what the checks read: other metadata edits (sponsors, symbol) do not restart them.
        ...(kind === undefined
          ? {}
          : { document: { kind, metadata: footnoteRule === undefined ? {} : { footnoteRule } } }),
        ...(draftId === undefined ? {} : { draftId }),
      }),
    [editor, lexicon, references, kind, footnoteRule, draftId],
  );
  return null;
}
