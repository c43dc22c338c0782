/**
 * The instruments the corpus cites: who they are, not where they are published. Sources are read from
 * the corpus's footnotes by `derive.ts` (UN practice: citing instruments: "read from its footnotes"), so
 * this table holds only what the footnotes cannot say: the identity of each instrument, the short titles
 * the corpus uses after a first mention, and the common names a drafter is likely to type.
 */

export const INSTRUMENT_IDS = [
  'organized-crime-convention',
  'trafficking-protocol',
  'smuggling-protocol',
  'firearms-protocol',
  'small-arms-programme',
  'tracing-instrument',
  'global-plan-trafficking',
  'firearms-model-law',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export interface Instrument {
  readonly id: InstrumentId;
  /** The full title exactly as the corpus prints it at a first mention, without a leading article. */
  readonly title: string;
  /** Short titles the corpus uses after the first mention, with their article ("the Firearms Protocol"). */
  readonly shortTitles: readonly string[];
  /** Names drafters type that the corpus does not print as a title ("Palermo Convention", "UNTOC"). */
  readonly commonNames: readonly string[];
  /** The instrument a Protocol supplements. */
  readonly supplements?: InstrumentId;
}

const CONVENTION = 'United Nations Convention against Transnational Organized Crime';

/** In the order a drafter meets them: the Convention, its three Protocols, then the other instruments. */
export const INSTRUMENTS: readonly Instrument[] = [
  {
    id: 'organized-crime-convention',
    title: CONVENTION,
    // "the Convention" throughout; "the Organized Crime Convention" in 6/1 OP3 and 6/3 OP13.
    shortTitles: ['the Convention', 'the Organized Crime Convention'],
    // "the Convention against Transnational Organized Crime" is printed once, in report para. 82.
    commonNames: ['Palermo Convention', 'UNTOC', 'Convention against Transnational Organized Crime'],
  },
  {
    id: 'trafficking-protocol',
    title: `Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the ${CONVENTION}`,
    // Report para. 51.
    shortTitles: ['the Trafficking in Persons Protocol'],
    commonNames: ['TIP Protocol', 'Trafficking Protocol', 'Human Trafficking Protocol', 'Palermo Protocol'],
    supplements: 'organized-crime-convention',
  },
  {
    id: 'smuggling-protocol',
    title: `Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the ${CONVENTION}`,
    // Resolution 6/3 PP3 onwards.
    shortTitles: ['the Smuggling of Migrants Protocol'],
    commonNames: ['Migrant Smuggling Protocol', 'Smuggling Protocol', 'SOM Protocol'],
    supplements: 'organized-crime-convention',
  },
  {
    id: 'firearms-protocol',
    title: `Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the ${CONVENTION}`,
    // Resolution 6/2 PP5 onwards.
    shortTitles: ['the Firearms Protocol'],
    commonNames: ['Firearms Trafficking Protocol'],
    supplements: 'organized-crime-convention',
  },
  {
    id: 'small-arms-programme',
    title:
      'Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects',
    // The corpus repeats the full title (6/2 PP8); "the Programme of Action" is the usual short form.
    shortTitles: ['the Programme of Action'],
    commonNames: [
      'Small Arms Programme of Action',
      'PoA',
      'UN Programme of Action',
      'SALW Programme of Action',
    ],
  },
  {
    id: 'tracing-instrument',
    title:
      'International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, Illicit Small Arms and Light Weapons',
    shortTitles: ['the International Tracing Instrument'],
    commonNames: ['ITI', 'Tracing Instrument'],
  },
  {
    id: 'global-plan-trafficking',
    title: 'United Nations Global Plan of Action to Combat Trafficking in Persons',
    // "the Plan of Action will, inter alia, enhance cooperation" (6/1 PP5).
    shortTitles: ['the Plan of Action', 'the Global Plan of Action'],
    commonNames: ['Global Plan of Action against Trafficking', 'Global Plan'],
  },
  {
    id: 'firearms-model-law',
    title:
      'Model Law against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition',
    // "disseminate the Model Law in the six official languages" (6/2 OP8).
    shortTitles: ['the Model Law'],
    commonNames: ['Firearms Model Law', 'Model Law on Firearms'],
  },
];

/**
 * The collective phrase the corpus footnotes with all four volumes at once (6/1 PP2, 6/4 PP1, 6/4
 * annex (b) (v)): "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
 * (the Editorial Manual's form for several volumes of the Treaty Series at once).
 */
export const CONVENTION_AND_PROTOCOLS = {
  id: 'convention-and-protocols',
  title: `${CONVENTION} and the Protocols thereto`,
  shortTitles: ['the Convention and the Protocols thereto'],
  members: ['organized-crime-convention', 'trafficking-protocol', 'smuggling-protocol', 'firearms-protocol'],
} as const satisfies {
  id: string;
  title: string;
  shortTitles: readonly string[];
  members: readonly InstrumentId[];
};
export type InstrumentGroupId = typeof CONVENTION_AND_PROTOCOLS.id;

export function instrumentById(id: InstrumentId): Instrument {
  const found = INSTRUMENTS.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown instrument id "${id}".`);
  return found;
}
