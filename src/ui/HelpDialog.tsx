import { Dialog } from './Dialog.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
              <td>{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog__note">
        Drafts save themselves in this browser within a second of every change. Nothing leaves this computer.
      </p>
    </Dialog>
  );
}
