/**
 * The word list of the UN spelling rule (UN spelling and style): UN English follows the Oxford
 * spelling — -ize verbs (organize, recognize, criminalize, harmonize), but programme, labour, centre,
 * defence, neighbouring, fulfilment, endeavour (all in the corpus). Hand-kept; each entry is tested
 * (tests/core/rules/spelling.test.ts).
 */

/**
 * Words spelled another way in UN English, lower case, with their inflections. Only unambiguous
 * words: "license"/"licence" and "practice"/"practise" depend on the part of speech and are left out;
 * "program" is handled apart (a computer program keeps its spelling).
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  // -our (endeavour, labour and neighbouring are in the corpus)
  labor: 'labour',
  labors: 'labours',
  laborer: 'labourer',
  laborers: 'labourers',
  endeavor: 'endeavour',
  endeavors: 'endeavours',
  endeavored: 'endeavoured',
  endeavoring: 'endeavouring',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  neighboring: 'neighbouring',
  neighborhood: 'neighbourhood',
  neighborhoods: 'neighbourhoods',
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  favor: 'favour',
  favors: 'favours',
  favorable: 'favourable',
  favorably: 'favourably',
  honor: 'honour',
  honors: 'honours',
  // -re
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  // -ce
  defense: 'defence',
  defenses: 'defences',
  offense: 'offence',
  offenses: 'offences',
  // single l (fulfilment is in the corpus)
  fulfill: 'fulfil',
  fulfills: 'fulfils',
  fulfillment: 'fulfilment',
  enrollment: 'enrolment',
  skillful: 'skilful',
  // double l
  counseling: 'counselling',
  modeling: 'modelling',
  traveler: 'traveller',
  travelers: 'travellers',
  labeled: 'labelled',
  labeling: 'labelling',
  canceled: 'cancelled',
  // -yse, -ogue, other
  analyze: 'analyse',
  analyzes: 'analyses',
  analyzed: 'analysed',
  analyzing: 'analysing',
  catalog: 'catalogue',
  catalogs: 'catalogues',
  aging: 'ageing',
  percent: 'per cent',
};

/** "program" → "programme" for an undertaking; "computer program" and "software program" stay. */
export const PROGRAM_FORMS: Readonly<Record<string, string>> = {
  program: 'programme',
  programs: 'programmes',
};
export const PROGRAM_KEEPS_AFTER = /\b(?:computer|software)\s+$/i;

/**
 * Stems of the -ize verbs UN English spells with z, the corpus's first (organize, recognize,
 * criminalize, harmonize, emphasize, specialize, utilize, penalize, maximize, finalize), then other
 * common ones. "organ" + "is" + "ation" is "organisation". Words that keep -ise in every spelling
 * (advise, exercise, expertise, comprise, revise, raise, seize, supervise, enterprise, compromise) are
 * not stems here, so they are never touched.
 */
export const IZE_STEMS: readonly string[] = [
  'organ',
  'recogn',
  'criminal',
  'decriminal',
  'harmon',
  'emphas',
  'special',
  'util',
  'penal',
  'maxim',
  'minim',
  'final',
  'priorit',
  'mobil',
  'author',
  'real',
  'standard',
  'summar',
  'character',
  'stabil',
  'operational',
  'institutional',
  'sensit',
  'modern',
  'legal',
  'global',
  'democrat',
  'familiar',
  'central',
  'decentral',
  'marginal',
  'neutral',
  'optim',
  'rational',
  'revital',
  'scrutin',
  'victim',
  'stigmat',
  'systemat',
  'categor',
  'computer',
  'digit',
  'jeopard',
  'civil',
  'capital',
  'apolog',
  'normal',
  'privat',
  'symbol',
  'visual',
  'memor',
];

/** Endings after "is"/"iz": organise, organises, organised, organising, organisation(s), organiser(s). */
export const IZE_ENDINGS: readonly string[] = [
  'e',
  'es',
  'ed',
  'ing',
  'ation',
  'ations',
  'ational',
  'er',
  'ers',
];
