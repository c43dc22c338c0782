/**
 * The shipped templates, read once when the New draft dialog first opens (they are not needed before:
 * the first screen stays lighter without them).
 */
import { parseTemplates } from '../core/drafts/template.ts';

const templateFiles = import.meta.glob<string>('../../templates/*.template.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const parsedTemplates = parseTemplates(templateFiles);
export const templates = parsedTemplates.templates;
export const templateErrors = parsedTemplates.errors;
