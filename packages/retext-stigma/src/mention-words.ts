/** The words that frame a term as a word, for mentions.ts: frame nouns, verbs of naming and saying, and the like. */

/** Nouns that name words as words: `the term`, `words like`, `labels such as`. */
export const frameNouns = new Set(
  'word words term terms terminology label labels phrase phrases expression expressions language name names slur slurs insult insults epithet epithets euphemism euphemisms wording slang jargon descriptor descriptors description descriptions moniker monikers nickname nicknames vocabulary headline headlines synonym synonyms acronym acronyms question questions'.split(
    ' '
  )
)

/** The frame nouns that take a bare term right after them (`the word junkie`). */
export const singularFrameNouns = new Set('word term label phrase expression name slur insult epithet euphemism descriptor description moniker nickname acronym'.split(' '))

/** The plural frame nouns that open a bare list of terms: `the words junkie and crackhead`. */
export const pluralFrameNouns = new Set('words terms labels phrases expressions slurs insults epithets euphemisms nicknames synonyms acronyms'.split(' '))

/** Verbs that handle a quoted phrase as words: `we no longer say “committed suicide”`. */
export const wordUseVerbs = new Set(
  'say says saying write writes writing use uses used using avoid avoids avoiding replace replaces replacing prefer prefers preferred than not called shown list lists listed read reads flag flags flagged swap swaps swapped swapping substitute substitutes substituted coded calling termed dubbed drop drops dropped dropping ban bans banned banning retire retires retired coin coins coined adopt adopts adopted reject rejects rejected discourage discourages discouraged discouraging criticise criticises criticised criticize criticizes criticized condemn condemns condemned question questions questioned challenge challenges challenged change changes changed changing print prints printed printing popularise popularised popularising popularize popularized popularizing seeing hearing spotting remove removes removed removing strike strikes struck striking delete deletes deleted deleting compare compares compared comparing contrast contrasts contrasted contrasting trace traces traced tracing'.split(
    ' '
  )
)

/** Who a verb of naming names: `called them “AIDS victims”`. */
export const objectPronouns = new Set('them him her it us me you people someone anyone everyone others'.split(' '))

/** Nouns whose quoted title follows them: `the film “…”`, `the headline “…”`. */
export const titleNouns = new Set(
  'title titles film films movie book novel song album single track band documentary series show programme program play musical opera poem painting exhibition magazine article column essay episode podcast memoir report leaflet campaign slogan poster chapter story sketch game drama thriller comedy sitcom biopic miniseries clue coverline heading caption tagline duet hit'.split(
    ' '
  )
)

/** Adjectives that qualify a frame noun (`the offensive term`, `the old word`, `the outdated label`). */
export const frameAdjectives = /^(?:old|older|outdated|dated|offensive|derogatory|pejorative|insulting|hurtful|loaded|dreaded|ugly|common|usual|familiar|popular|informal|slang|clinical|medical|official|legal|same|very|whole|new|modern|historic|historical|archaic|victorian|stigmatising|stigmatizing|disparaging|demeaning|dehumanising|dehumanizing|problematic|controversial)$/

/** Who advice about wording is about: `don't call people junkies`. */
export const adviceObjects = new Set('people person someone anyone anybody them him her us me you others patients clients users residents children baby babies newborn newborns mother mothers'.split(' '))
/** Anyone at all, as the object of labelling discussed in general: `to call someone an addict`. */
export const anyoneObjects = new Set('someone somebody anyone anybody everyone people person others themselves yourself yourselves ourselves myself oneself'.split(' '))
/** Verbs of naming someone: with anyone as their object they name no one in particular. */
export const generalNaming = new Set(
  'call calls called calling describe describes described describing label labels labelled labeled labelling labeling refer refers referred referring brand brands branded branding'.split(' ')
)
/** Verbs of calling or describing someone. */
export const describingVerbs = new Set('call calling describe describing label labelling labeling refer referring'.split(' '))
/** Words that advise against what follows. */
export const negations = new Set(["not", "never", "nobody", "don't", "dont", "avoid", "avoids", "avoided", "avoiding", "stop", "shouldn't", "mustn't", "won't", "no", "longer"])

/** Words that put a sentence about the press: a quotation in it may be a headline. */
export const pressNouns = new Set('headline headlines tabloid tabloids newspaper newspapers splash strapline standfirst'.split(' '))
/** Verbs that report speech before a quotation. */
export const speechVerbs = new Set('said says saying told tells telling asked asks added adds shouted shouts replied replies explained explains'.split(' '))
/** Verbs a paper runs a headline with: `the Sun ran “…”`. */
export const pressVerbs = new Set('ran runs printed prints splashed published'.split(' '))

/** Verbs of calling someone a word: `calling people “illegal immigrants”`. */
export const callingVerbs = new Set('call calls calling label labels labelling labeling brand brands branding'.split(' '))

/** Documents a title in an apposition may name: `…, the 2003 government paper`. */
export const documentNouns = new Set('paper papers strategy guidance guidelines plan policy review'.split(' '))

/** Verbs of bringing out a work, whose capitalised object is its title: `Burroughs published Junkie in 1953`. */
export const publishingVerbs = new Set('published publishes wrote writes released releases recorded records directed directs filmed'.split(' '))

/** Verbs of naming that take a quoted name right after them (`a practice called “…”`). */
export const namingVerbs = new Set('called termed dubbed nicknamed labelled labeled titled entitled named'.split(' '))

/** Nouns that call a sentence's subject a word: `Junkie is a slur`. */
export const wordNouns = new Set('word words term terms label labels slur slurs insult insults epithet epithets euphemism euphemisms phrase phrases expression expressions question questions cliche cliché catchphrase slogan byword buzzword catchword shorthand name nickname coinage description'.split(' '))
/** Verbs that say what a word means: `Clean implies the opposite, dirty`, `AIDS victim suggests helplessness`. */
export const meaningVerbs = new Set('means meant implies implied suggests suggested connotes connoted evokes evoked conjures'.split(' '))
/**
 * `Junkie carries decades of contempt`: a verb of bearing whose object is a connotation, which
 * only a word carries (`Addict carries heroin` carries something else).
 */
export const bearingVerbs = new Set('carries carried bears bore'.split(' '))
export const connotationNouns = new Set('stigma stigmas contempt connotation connotations baggage overtones overtone judgement judgment shame blame implication implications undertones'.split(' '))
export const copulas = new Set(['is', 'are', 'was', 'were', 'remains', 'remain', 'became', 'become'])
/** Judgements only a word can earn: `Addict is outdated`, `Crack baby is stigmatising`. */
export const wordJudgements = new Set('outdated dated offensive stigmatising stigmatizing derogatory pejorative dehumanising dehumanizing hurtful inaccurate misleading'.split(' '))
/** What advice says should happen to a word: `should be avoided`, `should not be used`. */
export const wordFates = new Set('avoided used dropped replaced retired banned'.split(' '))

/** Verbs whose object is a word when `with` (or, for a swap, `for`) follows it: `replaced addict with…`, `swap junkie for…`. */
export const replacingVerbs = new Set('replace replaces replaced replacing swap swaps swapped swapping substitute substitutes substituted'.split(' '))
export const swappingVerbs = new Set('swap swaps swapped swapping'.split(' '))
/** Verbs whose object is a word when `as` follows it: `defines junkie as…`. */
export const definingVerbs = new Set('define defines defined defining'.split(' '))

/** An arrow from one wording to another, opening or closing a gap. */
export const arrow = /^(?:\u2192|\u21D2|->|=>)/
// `-->` closes an HTML comment: no arrow.
export const arrowBefore = /(?:\u2192|\u21D2|(?<!-)->|=>)$/

/** Words of refusing a label: `refuses to be called`, `hates being described as`, `tired of being called`. */
/** Words that blame someone for a wording: `criticised for describing them as …`. */
export const criticisms = new Set('criticised criticized condemned attacked apologised apologized slammed censured rebuked'.split(' '))
/** Words of a complaint about what was written, or of its correction: `a reader complained that the paper had said “…”`. */
export const complaints = new Set('complain complains complaining complained complaint complaints apologise apologize apologises apologizes outcry backlash rewritten reworded withdrew withdrawn amended objected apologised apologized correction corrections retracted retraction'.split(' '))
export const rejections = new Set('refuse refuses refused refusing hate hates hated dislike dislikes disliked resent resents resented object objects objected objecting nobody reject rejects rejected tired sick weary fed'.split(' '))

/** Verbs of saying and writing that take a bare term as a word: `don't say crack baby`. */
export const sayingVerbs = new Set('say saying write writing'.split(' '))

/** Words of advice about wording, in a glossary or style-guide entry. */
export const adviceWords = new Set(
  'avoid say write instead prefer preferred outdated offensive stigmatising stigmatizing derogatory pejorative slang term word phrase label'.split(' ')
)

/** Verbs that close a parenthesis naming a word after it: `as they were then called`, `as reporters dubbed them`. */
export const trailingNamingVerbs = new Set('called call calls termed dubbed labelled labeled nicknamed'.split(' '))

/** Nouns a term can qualify as the label it is: `the addict label`. */
export const labelNouns = new Set('label labels tag tags slur slurs epithet epithets'.split(' '))
/** Nouns of talk about a phrase, which a quoted phrase may qualify: `“AIDS orphan” imagery`. */
export const rhetoricNouns = new Set('imagery rhetoric narrative narratives framing stereotype stereotypes trope tropes myth myths discourse coverage scare panic'.split(' '))
/** Nouns of ideas that a quoted phrase names after `of`: `the notion of “full-blown AIDS”`, `the legal category of “habitual drunkard”`. */
export const conceptNouns = new Set('notion notions idea ideas concept concepts image images figure spectre specter category categories classification'.split(' '))

/** Words of a style guide that introduce a list of terms after a colon: `Do not use: …`, `Outdated: …`. */
export const colonFrames = new Set("use avoid say write outdated offensive stigmatising stigmatizing derogatory avoided don't dont".split(' '))

/** Every word that can end a frame, for a quick first test. */
export const frameWords = new Set([...frameNouns, ...titleNouns, ...namingVerbs, ...colonFrames, 'like', 'including', 'include', 'includes', 'included', 'as', 'called', 'are', 'were', 'of', 'than'])

/** Nouns the parenthetical `to use the … of the time` names. */
export const languageNouns = new Set('term terms terminology language phrase words word jargon parlance expression vocabulary label labels'.split(' '))
export const ofTheTime = new Set('of the time day era period its their then'.split(' '))
