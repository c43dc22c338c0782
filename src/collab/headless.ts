/**
 * A Lexical editor without a page, bound to a shared draft's Yjs document by Lexical's own binding
 * (`@lexical/yjs`): the same nodes and the same layout the browser's CollaborationPlugin writes, so
 * the command line and the server read and write a shared draft exactly as the app does.
 *
 * Writing goes through the editor (the import bridge, then the binding syncs the update to Yjs);
 * reading applies the Yjs document to the editor and reads it back with the export bridge. The
 * header (kind, organ, metadata) lives beside the text in the `draft` map (layout.ts).
 */
import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
  type UserState,
} from '@lexical/yjs';
import { HISTORY_MERGE_TAG, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../core/model/types.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { $exportResolution } from '../editor/bridge/export.ts';
import { $importResolution } from '../editor/bridge/import.ts';
import { ResolutionNodes } from '../editor/nodes/registry.ts';
import { $renumberResolution } from '../editor/transforms/structure.ts';
import { derivedProperties } from './excluded.ts';
import { SHARED_DRAFT, SHARED_ROOT } from './layout.ts';

/** What the `draft` map's `header` holds: the document without the text the editor holds. */
export interface SharedHeader {
  readonly schemaVersion: number;
  readonly kind: ResolutionDocument['kind'];
  readonly organ: ResolutionDocument['organ'];
  readonly metadata: ResolutionDocument['metadata'];
  readonly number?: string;
}

export interface SharedEditor {
  readonly editor: LexicalEditor;
  readonly binding: Binding;
  readonly doc: Y.Doc;
  /** Stops following the document. */
  dispose(): void;
}

/** A provider that goes nowhere: the binding wants one for presence, which a headless editor has none of. */
function silentProvider(): Provider {
  const states = new Map<number, UserState>();
  let local: UserState | null = null;
  return {
    awareness: {
      getLocalState: () => local,
      getStates: () => states,
      on: () => undefined,
      off: () => undefined,
      setLocalState: (state) => {
        local = state;
      },
      setLocalStateField: () => undefined,
    },
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
}

/**
 * A headless editor following `doc` both ways, as the CollaborationPlugin does in the browser. Like the
 * plugin it follows changes from the moment it is created: give it an empty document and apply the
 * shared state to it (`readSharedDocument` does).
 */
export function createSharedEditor(doc: Y.Doc): SharedEditor {
  const editor = createHeadlessEditor({
    namespace: 'resolution-drafter',
    nodes: [...ResolutionNodes],
    onError: (error) => {
      throw error;
    },
  });
  const provider = silentProvider();
  const binding = createYjsBinding({
    editor,
    id: 'shared',
    doc,
    docMap: new Map([['shared', doc]]),
    excludedProperties: derivedProperties(),
    rootName: SHARED_ROOT,
  });
  const root = binding.root.getSharedType();
  const onChanges = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction): void => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events, false, () => undefined);
    // Applied without transforms: derive the numbers from the merged tree (excluded.ts).
    // Only the numbers: a structural repair here would stay out of Yjs (it is the next local edit's
    // transform that repairs, and syncs, like typing).
    editor.update($renumberResolution, {
      discrete: true,
      skipTransforms: true,
      tag: [SKIP_COLLAB_TAG, HISTORY_MERGE_TAG],
    });
  };
  root.observeDeep(onChanges as (events: Y.YEvent<Y.AbstractType<unknown>>[], t: Y.Transaction) => void);
  const stop = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  return {
    editor,
    binding,
    doc,
    dispose: () => {
      root.unobserveDeep(
        onChanges as (events: Y.YEvent<Y.AbstractType<unknown>>[], t: Y.Transaction) => void,
      );
      stop();
    },
  };
}

/** The header of `document`, as the `draft` map keeps it. */
export function sharedHeader(document: ResolutionDocument): SharedHeader {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: document.kind,
    organ: document.organ,
    metadata: document.metadata,
    ...(document.number ? { number: document.number } : {}),
  };
}

/** Writes `document` into an empty shared document: the text through the binding, the header beside it. */
export function writeSharedDocument(doc: Y.Doc, document: ResolutionDocument): void {
  const shared = createSharedEditor(doc);
  try {
    shared.editor.update(() => $importResolution(document), { discrete: true });
    doc.transact(() => {
      doc.getMap(SHARED_DRAFT).set('header', sharedHeader(document));
    });
  } finally {
    shared.dispose();
  }
}

/** The header the `draft` map holds, or null when it holds none (a document that is not a shared draft). */
export function readSharedHeader(doc: Y.Doc): SharedHeader | null {
  const header = doc.getMap(SHARED_DRAFT).get('header');
  if (typeof header !== 'object' || header === null) return null;
  return header as SharedHeader;
}

/**
 * The document a shared draft holds, read as the browser shows it: the state applied to a fresh
 * editor through the binding, read back by the export bridge with the header's kind and metadata.
 * Null when `doc` holds no shared draft (no header).
 */
export function readSharedDocument(doc: Y.Doc): ResolutionDocument | null {
  const header = readSharedHeader(doc);
  if (header === null) return null;
  const fresh = new Y.Doc();
  const shared = createSharedEditor(fresh);
  try {
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    shared.editor.update(() => undefined, { discrete: true });
    return shared.editor.getEditorState().read(() =>
      $exportResolution({
        kind: header.kind,
        organ: header.organ,
        metadata: header.metadata,
        ...(header.number ? { number: header.number } : {}),
      }),
    );
  } finally {
    shared.dispose();
    fresh.destroy();
  }
}
