/**
 * Pastes and drops that arrive before the paste plugin has loaded. The plugin, with the reader of
 * printed resolution text it needs, loads just after the first screen (ui/deferredExtras.tsx); a paste
 * in that moment must not go through Lexical's own paste (HTML imported as it is, no structure, no
 * limits), nor be lost. The gate takes the clipboard's text formats and holds them; the paste plugin
 * replays them, in order, as soon as it is registered. Files are not held: the app's own drop zone
 * takes those.
 */
import {
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  PASTE_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';

interface Held {
  readonly kind: 'paste' | 'drop';
  readonly data: readonly (readonly [type: string, value: string])[];
}

const heldBy = new WeakMap<LexicalEditor, Held[]>();
/** The events `replayHeldTransfers` sends: a gate still registered lets them through. */
const replaying = new WeakSet<Event>();

/** Holds every paste and text drop until `replayHeldTransfers`; returns the teardown. */
export function registerPasteGate(editor: LexicalEditor): () => void {
  const hold = (kind: Held['kind'], transfer: DataTransfer | null, event: Event): boolean => {
    if (transfer === null || replaying.has(event)) return false;
    const data = [...transfer.types]
      .filter((type) => type !== 'Files')
      .map((type) => [type, transfer.getData(type)] as const)
      .filter(([, value]) => value !== '');
    if (data.length === 0) return false;
    event.preventDefault();
    const list = heldBy.get(editor) ?? [];
    list.push({ kind, data });
    heldBy.set(editor, list);
    return true;
  };
  return mergeRegister(
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => hold('paste', 'clipboardData' in event ? event.clipboardData : null, event),
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => typeof payload !== 'string' && hold('drop', payload.dataTransfer, payload),
      COMMAND_PRIORITY_LOW,
    ),
  );
}

/** How many pastes and drops the gate holds for `editor`. */
export function heldTransfers(editor: LexicalEditor): number {
  return heldBy.get(editor)?.length ?? 0;
}

/** Sends what the gate held through the editor's paste handling, in the order it came. */
export function replayHeldTransfers(editor: LexicalEditor): void {
  const list = heldBy.get(editor);
  if (list === undefined) return;
  heldBy.delete(editor);
  for (const { kind, data } of list) {
    const transfer = new DataTransfer();
    for (const [type, value] of data) transfer.setData(type, value);
    const event =
      kind === 'paste'
        ? new ClipboardEvent('paste', { clipboardData: transfer, cancelable: true })
        : new InputEvent('beforeinput', {
            inputType: 'insertFromDrop',
            dataTransfer: transfer,
            cancelable: true,
          });
    replaying.add(event);
    if (event instanceof ClipboardEvent) editor.dispatchCommand(PASTE_COMMAND, event);
    else editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, event);
  }
}
