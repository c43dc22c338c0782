/**
 * The .docx writer, loaded on first use (issue 5: "the writer loads only when first used"). The
 * `docx` library is most of its weight and no one needs it to draft, so it is a chunk of its own that
 * the first "Export .docx…" fetches; the initial script stays within its budget (README, Performance).
 */
import type * as Writer from '../../core/export/docx/docx.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';

let loading: Promise<typeof Writer> | undefined;

/** The writer module; a failed load (an app updated under an open tab) is retried on the next call. */
export function loadWriter(): Promise<typeof Writer> {
  loading ??= import('../../core/export/docx/docx.ts').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export interface WordExport {
  readonly base?: ResolutionDocument;
  /** Who the tracked changes are by; empty for the writer's default ("Resolution Drafter"), not the sponsor. */
  readonly author: string;
}

/** The .docx bytes of `doc`, with its differences from `base` as tracked changes when one is given. */
export async function writeDocx(doc: ResolutionDocument, options: WordExport): Promise<Uint8Array> {
  const { exportDocx, DEFAULT_AUTHOR } = await loadWriter();
  // Always explicit: a name the user cleared must not fall back to the draft's first sponsor.
  const author = options.author.trim() || DEFAULT_AUTHOR;
  return exportDocx(doc, { ...(options.base ? { base: options.base } : {}), author });
}

/** `<draft name>.docx`, without the characters file systems refuse (as src/storage/drafts.ts names .json files). */
export function docxFileName(draftName: string | undefined): string {
  const base =
    (draftName ?? '')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
      .trim()
      .slice(0, 120) || 'draft';
  return `${base}.docx`;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
