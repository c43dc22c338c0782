import type { EditorThemeClasses } from 'lexical';

/** Class names for Lexical's own nodes; the resolution nodes set theirs in createDOM. */
export const editorTheme: EditorThemeClasses = {
  text: { italic: 'res-italic', bold: 'res-bold', underline: 'res-underline' },
};
