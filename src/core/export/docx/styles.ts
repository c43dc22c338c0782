/**
 * The page and the named paragraph styles of the UN-layout .docx (UN practice: the printed page).
 *
 * Every paragraph the writer produces carries one of these styles and no direct paragraph formatting,
 * so a user who restyles in Word ("modify style UN Operative") changes every operative paragraph at
 * once — as real UN Word files do with their own styles ("SingleTxt", "HCh", "H1", "H23"). Italics of
 * openers and publication titles are the only direct run formatting (section 8: italics only there).
 *
 * Measurements are in twentieths of a point (twips; 567 to the centimetre) and half-points for sizes.
 */
import type {
  IParagraphStyleOptions,
  IParagraphStylePropertiesOptions,
  IRunStylePropertiesOptions,
  IStylesOptions,
} from 'docx';

/** A4 (section 8: A4 for Vienna and Geneva documents). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** "Margins about 2 cm" (section 8), header and footer 1.25 cm from the edge. */
export const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 709, footer: 709 } as const;

/** The text column between the margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** "Text block indented about 1.27 cm" (section 8): 720 twips on both sides. */
const BLOCK = 720;
/** One indent step: the preambular first-line indent and the distance from a number to its text. */
const STEP = 720;

/** Times New Roman; LibreOffice substitutes its metric-compatible Liberation Serif where it is missing. */
export const FONT = 'Times New Roman';

/** Paragraph style ids (what document.xml names) with their display names (what Word's style list shows). */
export const STYLE = {
  mastheadUnitedNations: { id: 'UNMastheadUnitedNations', name: 'UN Masthead United Nations' },
  mastheadSymbol: { id: 'UNMastheadSymbol', name: 'UN Masthead Symbol' },
  mastheadOrgan: { id: 'UNMastheadOrgan', name: 'UN Masthead Organ' },
  mastheadDistribution: { id: 'UNMastheadDistribution', name: 'UN Masthead Distribution' },
  session: { id: 'UNSession', name: 'UN Session' },
  agendaItem: { id: 'UNAgendaItem', name: 'UN Agenda Item' },
  agendaTitle: { id: 'UNAgendaTitle', name: 'UN Agenda Title' },
  sponsors: { id: 'UNSponsors', name: 'UN Sponsors' },
  heading: { id: 'UNHeading', name: 'UN Heading' },
  title: { id: 'UNTitle', name: 'UN Title' },
  formula: { id: 'UNFormula', name: 'UN Formula' },
  preambular: { id: 'UNPreambular', name: 'UN Preambular' },
  operative: { id: 'UNOperative', name: 'UN Operative' },
  operativeUnnumbered: { id: 'UNOperativeUnnumbered', name: 'UN Operative Unnumbered' },
  subparagraph: { id: 'UNSubparagraph', name: 'UN Subparagraph' },
  subsubparagraph: { id: 'UNSubsubparagraph', name: 'UN Subsubparagraph' },
  sectionNumber: { id: 'UNSectionNumber', name: 'UN Section Number' },
  sectionHeading: { id: 'UNSectionHeading', name: 'UN Section Heading' },
  annexHeading: { id: 'UNAnnexHeading', name: 'UN Annex Heading' },
  annexTitle: { id: 'UNAnnexTitle', name: 'UN Annex title' },
  annexIntro: { id: 'UNAnnexIntro', name: 'UN Annex Intro' },
  annexItem: { id: 'UNAnnexItem', name: 'UN Annex Item' },
  header: { id: 'UNHeader', name: 'UN Header' },
  footer: { id: 'UNFooter', name: 'UN Footer' },
} as const;

export type StyleKey = keyof typeof STYLE;

/** The base of the body styles: the text block, 10 pt on exactly 12 pt lines, 6 pt after (section 8). */
const TEXT_BASE = { id: 'UNText', name: 'UN Text' } as const;

const exact = (line: number, after = 0, before = 0) => ({ line, lineRule: 'exact', after, before }) as const;

type ParagraphProps = IParagraphStylePropertiesOptions;
type RunProps = IRunStylePropertiesOptions;

/**
 * A label (number or letter) at `at`, a tab, then text wrapping at `at + STEP`: a hanging indent. The
 * hanging indent is itself the tab stop the label's tab goes to (Word and LibreOffice both treat the
 * left indent so), which a style can carry without direct formatting.
 */
function hanging(at: number): ParagraphProps {
  return { indent: { left: at + STEP, hanging: STEP, right: BLOCK } };
}

export function unStyles(): IStylesOptions {
  const body = (key: StyleKey, paragraph: ParagraphProps, run: RunProps = {}): IParagraphStyleOptions => ({
    id: STYLE[key].id,
    name: STYLE[key].name,
    basedOn: TEXT_BASE.id,
    next: STYLE[key].id,
    quickFormat: true,
    paragraph,
    run,
  });
  const plain = (key: StyleKey, paragraph: ParagraphProps, run: RunProps = {}): IParagraphStyleOptions => ({
    id: STYLE[key].id,
    name: STYLE[key].name,
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { spacing: exact(240), ...paragraph },
    run: { font: FONT, size: 20, ...run },
  });
  const headingLike = { keepNext: true, keepLines: true };
  return {
    default: {
      document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 0, line: 240 } } },
      // Footnotes 8 pt under the default short rule (section 8: "footnotes 8-9 pt under a short rule").
      footnoteText: {
        run: { font: FONT, size: 16 },
        paragraph: {
          spacing: { line: 200, lineRule: 'exact', after: 40 },
          indent: { left: BLOCK + 360, hanging: 360, right: BLOCK },
        },
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: TEXT_BASE.id,
        name: TEXT_BASE.name,
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: exact(240, 120), indent: { left: BLOCK, right: BLOCK } },
        run: { font: FONT, size: 20 },
      },
      plain('mastheadUnitedNations', { spacing: exact(320) }, { size: 24 }),
      plain('mastheadSymbol', { alignment: 'right', spacing: exact(400) }, { size: 30 }),
      plain('mastheadOrgan', { spacing: exact(340, 0, 80) }, { size: 28, bold: true }),
      plain('mastheadDistribution', { spacing: exact(240) }),
      plain('session', { spacing: exact(240) }),
      plain('agendaItem', { spacing: exact(240) }),
      plain('agendaTitle', { spacing: exact(240, 0), indent: { right: 3600 } }, { bold: true }),
      body('sponsors', { spacing: exact(240, 240, 480), ...headingLike }),
      body('heading', { spacing: exact(240, 120, 240), ...headingLike }, { bold: true }),
      body('title', { spacing: exact(280, 240, 240), ...headingLike }, { bold: true, size: 24 }),
      body('formula', { indent: { left: BLOCK, right: BLOCK, firstLine: STEP } }),
      body('preambular', { indent: { left: BLOCK, right: BLOCK, firstLine: STEP } }),
      body('operative', hanging(BLOCK)),
      body('operativeUnnumbered', { indent: { left: BLOCK, right: BLOCK, firstLine: STEP } }),
      body('subparagraph', hanging(BLOCK + STEP)),
      body('subsubparagraph', hanging(BLOCK + 2 * STEP)),
      // A section of an omnibus resolution, or a heading of an annex (A/RES/78/247, A/RES/78/1): the
      // number centred on its own line, the heading centred in bold, both kept with what follows.
      body('sectionNumber', { alignment: 'center', spacing: exact(240, 120, 240), ...headingLike }),
      body(
        'sectionHeading',
        { alignment: 'center', spacing: exact(240, 240), ...headingLike },
        { bold: true },
      ),
      body('annexHeading', { spacing: exact(280, 240, 360), ...headingLike }, { bold: true, size: 24 }),
      body('annexTitle', { spacing: exact(280, 240, 120), ...headingLike }, { bold: true, size: 24 }),
      body('annexIntro', { indent: { left: BLOCK, right: BLOCK, firstLine: STEP } }),
      body('annexItem', hanging(BLOCK)),
      plain('header', { spacing: exact(220) }, { size: 17, bold: true }),
      plain('footer', { spacing: exact(220) }, { size: 17, bold: true }),
    ],
  };
}
