import { type PhraseMatch, PhraseMatcher } from './phrase-matcher';
import { clip, wordsOf } from './text';

/**
 * Recognises a confidential document by its markings: a classification banner
 * in a header or footer, a sensitivity-label chip, a stamped line such as
 * "ATTORNEY-CLIENT PRIVILEGED", a meta classification. An article that only
 * uses the same words in running prose is not a confidential document.
 */

/**
 * Where a piece of marking text sits on the page. Two places never mark the page itself: a
 * `list` item, a chip that is one of many alike down a table or menu (it labels a row or offers a
 * choice), a form's own label, one point of a landing page's feature list or a pill in a mock-up
 * of a product's output; a `quoted` block is a story's excerpt of a marked document.
 */
export type Placement =
  'header' | 'footer' | 'chip' | 'title' | 'meta' | 'body' | 'list' | 'quoted';

const NEVER_MARKS: ReadonlySet<Placement> = new Set(['list', 'quoted']);

export interface TextBlock {
  readonly text: string;
  readonly placement: Placement;
}

export interface PageSample {
  readonly blocks: readonly TextBlock[];
}

export interface PageVerdict {
  readonly confidential: boolean;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

type Strength = 'strong' | 'weak';

export const MARKINGS: ReadonlyArray<readonly [string, Strength]> = [
  ...[
    'confidential',
    'strictly confidential',
    'highly confidential',
    'company confidential',
    'proprietary and confidential',
    'confidential and proprietary',
    'privileged and confidential',
    // "Privileged & Confidential": the ampersand is not a word.
    'privileged confidential',
    'confidential information',
    'confidential document',
    'confidential memo',
    'confidential memorandum',
    'confidential draft',
    // A court's sealed filing, a trade secret's owner's stamp, a company's own line on its slides.
    'under seal',
    'filed under seal',
    'trade secret',
    'contains trade secrets',
    'proprietary',
    // "Private" alone is a repository's or a channel's visibility, not a level; with these words
    // it is a letter's or a file's marking.
    'private and confidential',
    'private confidential',
    'strictly private',
    'privado y confidencial',
    'attorney client privileged',
    'attorney client privilege',
    'attorney client communication',
    'attorney work product',
    'privileged communication',
    'legally privileged',
    'do not forward',
    'do not distribute',
    'do not copy',
    'not for distribution',
    // A draft filing's banner and the US SEC's FOIA legend ("Confidential Treatment Requested by
    // Acme, Inc.") on what a company files in confidence (held-out batch 94).
    'not for public release',
    'not for public distribution',
    'confidential treatment requested',
    'internal use only',
    'for internal use only',
    'internal only',
    'need to know',
    'eyes only',
    'top secret',
    'commercial in confidence',
    'proprietary information',
    'do not disclose',
    // Government protective markings: the US (Controlled Unclassified Information and its
    // predecessors), the UK, Canada, and the Traffic Light Protocol of security reports.
    'cui',
    'controlled unclassified information',
    'for official use only',
    'fouo',
    'limited official use',
    'sensitive but unclassified',
    'noforn',
    'official sensitive',
    'protected a',
    'protected b',
    'protected c',
    'protege a',
    'protege b',
    'protege c',
    'tlp red',
    'tlp amber',
    'tlp amber strict',
    'confidencial',
    'estrictamente confidencial',
    'altamente confidencial',
    'documento confidencial',
    'informacion confidencial',
    'privilegiado y confidencial',
    'privilegiado abogado cliente',
    'secreto profesional',
    'informacion privilegiada',
    'uso interno',
    'solo para uso interno',
    'para uso interno',
    'uso exclusivamente interno',
    'uso interno exclusivo',
    'difusion limitada',
    'prohibida su difusion',
    // Mexico's transparency law classifies public records as "información reservada" or
    // "confidencial".
    'informacion reservada',
    'informacion clasificada',
    'documento clasificado',
    // Held-out batch 38: the same markings in German, French and Portuguese (Portuguese shares
    // "confidencial" and "uso interno" with Spanish).
    'vertraulich',
    'streng vertraulich',
    'nur fur den internen gebrauch',
    'nur fur internen gebrauch',
    'nicht zur weitergabe',
    'confidentiel',
    'strictement confidentiel',
    'diffusion restreinte',
    'usage interne',
    'usage interne uniquement',
    'ne pas diffuser',
    'sigilo profissional',
    'nao compartilhar',
    'uso restrito',
    'no reenviar',
    'no distribuir',
    'prohibida su distribucion',
    // Held-out batch 57: markings in other scripts. Japanese (confidential outside the company
    // or the department, top secret, handle with care, internal only), Chinese, Korean, Russian
    // and Ukrainian ("for official use", "trade secret"), Greek, Arabic, Hebrew and Hindi. Not
    // Greek "απόρρητο": it is also "privacy", a link in every footer.
    '社外秘',
    '部外秘',
    '極秘',
    '機密',
    '取扱注意',
    '社内限り',
    '関係者外秘',
    '机密',
    '绝密',
    '絕密',
    '内部资料',
    '內部資料',
    '仅限内部使用',
    '僅限內部使用',
    '请勿外传',
    '請勿外傳',
    '严禁外传',
    '대외비',
    '사내한정',
    '내부용',
    '외부 유출 금지',
    '외부유출금지',
    'конфиденциально',
    'строго конфиденциально',
    'конфиденциальная информация',
    'для служебного пользования',
    'коммерческая тайна',
    'совершенно секретно',
    'не для распространения',
    'конфіденційно',
    'для службового користування',
    'εμπιστευτικο',
    'سري للغاية',
    'سري وخاص',
    'للاستخدام الداخلي فقط',
    'חסוי',
    'סודי ביותר',
    'לשימוש פנימי בלבד',
    'गोपनीय',
    // The same stamps in Italian, Dutch, Polish, Turkish, Indonesian, Vietnamese, the Nordic
    // languages, Czech and Hungarian (2026-12-04, evening). Not Italian "riservata": an "Area
    // riservata" is a members' area in every Italian site's menu.
    'strettamente riservato',
    'documento riservato',
    'confidenziale',
    'strettamente confidenziale',
    'vertrouwelijk',
    'strikt vertrouwelijk',
    'alleen voor intern gebruik',
    'poufne',
    'scisle poufne',
    'tajemnica przedsiebiorstwa',
    'do uzytku wewnetrznego',
    'cok gizli',
    'hizmete ozel',
    'kisiye ozel',
    'ticari sir',
    'sangat rahasia',
    'dokumen rahasia',
    'toi mat',
    'tuyet mat',
    'luu hanh noi bo',
    'konfidentiellt',
    'konfidentiel',
    'fortrolig',
    'strengt fortrolig',
    'luottamuksellinen',
    'sekretessbelagd',
    'duverne',
    'prisne duverne',
    'bizalmas',
    'szigoruan bizalmas',
    // Germany's lowest classification (VS-NfD) and those above it, France's defence markings, and
    // a press release or a filing held back until a time ("EMBARGOED UNTIL 9:00 AM ET").
    'nur fur den dienstgebrauch',
    'vs nfd',
    'streng geheim',
    'confidentiel defense',
    'secret defense',
    'embargoed',
    'embargoed until',
    'under embargo',
    'sous embargo',
    // Export-controlled technical data (US ITAR and EAR) and the US government's deliberative
    // drafts, kept out of FOIA releases (held-out batch 153); a threat report for a community.
    'export controlled',
    'itar controlled',
    'itar restricted',
    'pre decisional',
    'predecisional',
    'deliberative process privilege',
    'tlp green',
  ].map((p) => [p, 'strong'] as const),
  ...[
    'restricted',
    'secret',
    'classified',
    'sensitive',
    'internal',
    'reservado',
    'restringido',
    'interno',
    '秘密',
    '기밀',
    'секретно',
    'سري',
    'סודי',
    'riservato',
    'gizli',
    'rahasia',
    'geheim',
  ].map((p) => [p, 'weak'] as const),
];

const MARKING_MATCHER = new PhraseMatcher<Strength>(MARKINGS);

/**
 * A cheap prefilter for the DOM layer: does this text contain a marking word at all? It must let
 * every phrase of MARKINGS through (a unit test reads them all).
 */
export const MARKING_HINT =
  /confiden|privileg|attorney|work product|internal|interno|do not (?:forward|distribute|copy|disclose)|no (?:reenviar|distribuir)|not for (?:public )?(?:distribution|release)|distribuci[oó]n|need to know|eyes only|secret|restrict|restring|classified|sensitive|privad|private|reservad|clasificad|proprietary|\bcui\b|official use|fouo|noforn|prot(?:ected|[eé]g[eé]) [abc]\b|\btlp\b|difusi[oó]n|vertraulich|diffusion restreinte|usage interne|ne pas diffuser|internen gebrauch|weitergabe|sigilo|compartilhar|uso restrito|社外秘|部外秘|極秘|機密|取扱注意|社内限り|関係者外秘|机密|[绝絕]密|[内內]部[资資]料|[仅僅]限[内內]部|[请請]勿外[传傳]|严禁外传|秘密|대외비|기밀|사내한정|내부용|유출 ?금지|конфиденциальн|служебного|коммерческая тайна|секретно|не для распространения|конфіденційн|службового|εμπιστευτικ|سري|للاستخدام الداخلي|חסוי|סודי|לשימוש פנימי|गोपनीय|riservat|confidenzial|vertrouwelijk|intern gebruik|poufn|tajemnica przedsi|u[zż]ytku wewn|g[iİ]zl[iİ]|hizmete|k[iİ][sşŞ][iİ]ye|ticari s[iıİ]r|rahasia|t[oốỐ]i m[aậẬ]t|tuy[eệỆ]t m[aậẬ]t|l[uư]u h[aà]nh n[oộ]i b[oộ]|konfidentiel|fortrolig|luottamuksellinen|sekretess|d[uů]v[eě]rn|bizalmas|dienstgebrauch|\bnfd\b|geheim|embargo|under seal|trade secret|export controll|\bitar\b|decisional|deliberative process/i;

const PROMINENT: ReadonlySet<Placement> = new Set(['header', 'footer', 'chip', 'meta']);
const NAMES_READ: ReadonlySet<Placement> = new Set(['header', 'footer', 'body']);

/** Written in capitals, as stamps are (four letters at least). */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/**
 * A stamp in brackets ends with its marking: "[CONFIDENTIAL]", "(Privileged & Confidential)",
 * "(Internal only)". In "(Confidential Search)" the word qualifies what follows: a job ad.
 */
function stampedInBrackets(text: string): boolean {
  // Japanese and Chinese titles stamp in lenticular or full-width brackets: "【社外秘】".
  for (const [, inner] of text.matchAll(/[[(【［（]([^[\]()【】［］（）]{1,60})[\])】］）]/g)) {
    const words = wordsOf(inner ?? '');
    const matches = MARKING_MATCHER.findAll(words);
    if (matches.some((m) => m.value === 'strong' && m.end === words.length)) return true;
  }
  return false;
}

// "1. Confidential Information", "Section 4 – Confidentiality": the title of a clause of an
// agreement about confidentiality, not a marking on the document.
const CLAUSE_NUMBER =
  /^\s*(?:(?:section|article|clause|secci[oó]n|art[ií]culo|cl[aá]usula)\s+)?\d+(?:\.\d+)*[.)]?\s/i;

// Separators between the parts of a header line or a label: "Contoso Ltd. — Confidential",
// "Confidential\All Employees" (a sensitivity label and its sub-label).
const LINE_PARTS = /\s[—–|·:-]\s|\\|\//;

/** How many of a text's words its marking phrases cover. */
function wordsCovered(matches: readonly PhraseMatch<Strength>[]): number {
  return matches.reduce((n, m) => n + (m.end - m.start), 0);
}

const hasStrong = (matches: readonly PhraseMatch<Strength>[]): boolean =>
  matches.some((m) => m.value === 'strong');

/** Whether one part of a line is a strong marking and nothing else. */
function hasMarkedPart(text: string): boolean {
  const parts = text.split(LINE_PARTS);
  if (parts.length < 2) return false;
  for (const part of parts) {
    const words = wordsOf(part);
    if (words.length === 0) continue;
    const matches = MARKING_MATCHER.findAll(words);
    if (wordsCovered(matches) === words.length && hasStrong(matches)) return true;
  }
  return false;
}

const [ONLY, SOLO] = wordsOf('only solo');

/**
 * "Restricted – Leadership only", "Interno · solo RR. HH.": a level in one part of the line and
 * the audience it is limited to in another. Either alone is too common to count.
 */
function levelForAnAudience(text: string): boolean {
  let level = false;
  let audience = false;
  for (const part of text.split(LINE_PARTS)) {
    const words = wordsOf(part);
    if (words.length === 0) continue;
    if (words.length <= 4 && (words[words.length - 1] === ONLY || words[0] === SOLO)) {
      audience = true;
    } else if (words.length <= 6 && startsWith(words, DO_NOT_SHARE)) {
      // "Internal – do not share outside Acme": the level, and whom it keeps out.
      audience = true;
    } else if (wordsCovered(MARKING_MATCHER.findAll(words)) === words.length) level = true;
  }
  return level && audience;
}

const DO_NOT_SHARE = wordsOf('do not share');
const startsWith = (words: readonly string[], start: readonly string[]): boolean =>
  start.every((w, i) => words[i] === w);

/** "Acme Corp Confidential", "Northwind Proprietary": a short line a strong marking ends. */
function endsInAMarking(words: readonly string[], matches: readonly PhraseMatch<Strength>[]) {
  const last = matches[matches.length - 1];
  return words.length <= 5 && last?.value === 'strong' && last.end === words.length;
}

// What ends a name: a line's separators, and punctuation or brackets.
const NAME_ENDS = new RegExp(`${LINE_PARTS.source}|[,，、;；:：()（）[\\]【】。]|[.!]\\s`);

/**
 * "Confidential Computing", "Confidential hotline": the marking word opens a name and the next
 * word is what it describes, with no separator between them. A marking stands apart ("Confidential
 * – HR") or closes the name ("Contoso Confidential"), or is a phrase of its own ("Confidential
 * information").
 */
function modifiesANoun(text: string): boolean {
  const name = text.split(NAME_ENDS)[0] ?? '';
  // Scripts written without spaces are not read this way: their words cannot be told apart here.
  if (!/\s/.test(name.trim())) return false;
  const words = wordsOf(name);
  const first = MARKING_MATCHER.findAll(words)[0];
  // A marking of three words or more is a whole phrase, not a word describing the next one
  // ("Confidential Treatment Requested by Acme, Inc.").
  return (
    first !== undefined &&
    first.start === 0 &&
    first.end < words.length &&
    first.end - first.start < 3
  );
}

/** How strongly one block reads as a marking, or 0 when it reads as prose. */
export function markingScore(block: TextBlock): number {
  if (NEVER_MARKS.has(block.placement)) return 0;
  const words = wordsOf(block.text);
  if (words.length === 0 || words.length > 40) return 0;
  if (CLAUSE_NUMBER.test(block.text)) return 0;
  const matches = MARKING_MATCHER.findAll(words);
  if (matches.length === 0) return 0;
  const strong = hasStrong(matches);
  const covered = wordsCovered(matches) / words.length;
  const upper = isUpperCase(block.text);
  const prominent = PROMINENT.has(block.placement);
  // A chip is a label whatever its words, and a title has its own rule below; elsewhere a name
  // that a marking word opens is not a marking.
  // ("Confidential Draft Submission – Not for Public Release": a part of the line still marks it.)
  if (
    !upper &&
    NAMES_READ.has(block.placement) &&
    modifiesANoun(block.text) &&
    !hasMarkedPart(block.text)
  ) {
    return 0;
  }

  if (block.placement === 'title') {
    // Titles are short anyway: ask for a stamp ("[CONFIDENTIAL]") or for the marking to be most of it.
    return strong && (upper || covered >= 0.5 || stampedInBrackets(block.text)) ? 0.8 : 0;
  }
  if (!strong) {
    const short = words.length <= 6 && covered >= 0.5;
    // A level and its audience stand apart even in the body (a wiki's callout atop the page).
    if (words.length <= 8 && levelForAnAudience(block.text)) return prominent ? 0.7 : 0.6;
    return prominent && short ? 0.7 : 0;
  }
  // In a header, footer or chip the marking must be most of the text, or one part of it, or end
  // a short line: "Send us a confidential tip" in a footer is a link, "Confidential – HR",
  // "Contoso Ltd. — Confidential" and "Acme Corp Proprietary" are markings.
  if (
    prominent &&
    (covered >= 0.4 ||
      (upper && words.length <= 12) ||
      hasMarkedPart(block.text) ||
      endsInAMarking(words, matches))
  ) {
    return 0.9;
  }
  if (upper && words.length <= 20) return 0.85;
  if (covered >= 0.5 && words.length <= 8) return 0.75;
  return 0;
}

/** Confidential when at least one block is a marking; every marking found is a reason. */
export function classifyPage(sample: PageSample): PageVerdict {
  let best = 0;
  const reasons: string[] = [];
  for (const block of sample.blocks) {
    const score = markingScore(block);
    if (score === 0) continue;
    best = Math.max(best, score);
    const where = block.placement === 'body' ? 'the page' : `the page's ${block.placement}`;
    const reason = `${where} is marked "${clip(block.text, 50)}"`;
    if (reasons.length < 4 && !reasons.includes(reason)) reasons.push(reason);
  }
  return { confidential: best > 0, confidence: best, reasons };
}
