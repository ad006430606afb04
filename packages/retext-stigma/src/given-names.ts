/**
 * Given names common in English-speaking countries, for telling a surname from a term: a term
 * right after one is a person's name (`Tommy Nutter`, `john lee hooker`), in a headline or in
 * text typed without capitals, where the usual capital cues say nothing.
 *
 * Names that are also common words, months or places are left out (`Will`, `Mark`, `Grace`,
 * `May`, `Crystal`, `Chelsea`): `In May addicts were rehoused` must still be read.
 */
const givenNames = new Set(
  `aaron adam adrian aidan alan albert alex alexander alfie alfred alice alison amanda amelia amy andrea andrew angela anna anne annie anthony arthur ashley barbara barry ben benjamin bernard beth betty billy bobby brenda brian bruce callum carl carlos carol caroline catherine charles charlie charlotte chloe chris christine christopher claire colin connor craig daniel danny david dean debbie deborah dennis derek diana diane donald donna dorothy duncan dylan edward eileen elaine eleanor elizabeth ellie emily emma eric ethan evelyn fiona francis freddie gareth gary gavin geoffrey george gerald gordon graham gregory hannah harold harriet heather helen henry howard ian isaac isabella jack jacob james jamie jane janet jason jeffrey jennifer jenny jeremy jessica jim jimmy joan joanne joe joel john johnny jonathan joseph joshua judith julia julie justin karen kate katherine kathleen keith kelly kenneth kevin kieran kyle laura lauren lee leo leonard liam linda lisa louise lucy luke malcolm margaret maria marie martin mary matthew megan melissa michael michelle mike nancy natalie neil nicholas nicola nigel oliver olivia owen pamela patricia patrick paul pauline peter philip rachel raymond rebecca richard robert roger ronald ross roy russell ruth ryan sally samantha samuel sandra sarah scott sean sharon shaun simon sophie stanley stephanie stephen steve steven stuart susan teresa thomas tim timothy tom tommy tony trevor vanessa vincent walter wayne william zoe`.split(
    /\s+/
  )
)

/**
 * Whether a word is a given name from the list.
 *
 * @param key - The word's key (lower case).
 * @returns True for a given name.
 */
export const isGivenName = (key: string): boolean => givenNames.has(key)
