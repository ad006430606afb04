import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import {readProse} from '@destigma/formats'
import retextStigma, {checkOptions, lint, lintTree, resolveOptions, type StigmaOptions} from 'retext-stigma'

// Issue 11, family 1: a term discussed as a word is a mention, not a use.
const found = (text: string, options: StigmaOptions = {}): string[] => lint(text, options).map((finding) => `${finding.ruleId}: ${finding.actual}`)

describe('mentions are not reported by default', () => {
  it.each([
    ['the word, bare', 'The word junkie is hurtful.'],
    ['the term, quoted', 'The term “addict” has been criticised by clinicians.'],
    ['a quoted list after “terms such as”', "Terms such as 'addict', 'junkie' and 'crackhead' are harmful."],
    ['an unquoted list after “terms such as”', 'Terms such as addict, junkie and crackhead are harmful.'],
    ['an unquoted list after “words like”', 'Words like junkie and crackhead appear in 40% of the reports.'],
    ['a list with an Oxford comma after “slurs such as”', 'Slurs such as junkie, crackhead, and druggie were common.'],
    ['a list across a line break', 'Terms such as addict, junkie\nand crackhead are harmful.'],
    ['labels like', 'Labels like junkie dehumanise people.'],
    ['quotation marks round exactly a term of several words', 'We no longer write “committed suicide”; we write “died by suicide”.'],
    ['a quoted phrase after a verb of naming', 'In the 1980s the tabloids called them "AIDS victims".'],
    ['a bare list after a determined plural frame noun', 'The words junkie and crackhead still appear in charge sheets.'],
    ['a bare comma list after “the terms”', 'Reporters still use the terms junkie, crackhead or druggie.'],
    ['a list that mixes quoted and bare items', 'Terms such as “addict”, junkie and crackhead are harmful.'],
    ['language like, quoted items', "They used language like 'junkie' and 'druggie' in the report."],
    ['the insult, quoted', 'The insult “crackhead” was shouted at him.'],
    ['a colon after the frame', 'The terms: addict, junkie and crackhead.'],
    ['so-called', 'So-called junkies were blamed for the closures.'],
    ['so-called with an adjective between', 'The so-called hardened junkies were moved on.'],
    ['a verb of naming with a quotation', 'Officers ran a practice called “junkie-baiting” for years.'],
    ['known as, with a quotation', 'The van was known as “the junkie bus” on the estate.'],
    ['to use the language of the time, after', 'Patients were chained, lunatics (to use the language of the time) in all but name.'],
    ['to use the language of the time, before', 'The asylum housed, to use the terminology of the time, lunatics.'],
    ['as they were then called', 'The hospital housed lunatics, as they were then called, in long wards.'],
    ['the sentence names the term a slur', 'Junkie is a slur.'],
    ['the sentence names the term a loaded term', 'Addict is a loaded term.'],
    ['the sentence opens on a list of terms and calls them words', 'Junkie, crackhead and druggie are words we never use.'],
    ['the sentence opens on the term and judges it as a word', 'Addict is outdated and stigmatising.'],
    ['the sentence opens on a list and says it should be avoided', 'Junkie and crackhead should be avoided in all copy.'],
    ['should no longer be used', 'Crackhead should no longer be used by staff.'],
    ['an imperative avoid', 'Avoid junkie.'],
    ['a negated use', 'Never use addict; say person with an addiction.'],
    ['the term qualifies the noun label', 'The addict label stuck to him for years.'],
    ['one word in scare quotes', "A resident said 'junkies' were ruining the estate."],
    ['one word in curly scare quotes', 'The paper called him a “psycho” on its front page.'],
    ['a quoted title after a title noun', 'She starred in the film “Junkie Dad” last year.'],
    ['a quoted title in title case', 'Critics praised “Junkie in the City” when it aired in 2003.'],
    ['an example headline in a sentence about headlines', 'Headlines such as “Junkie mum jailed for neglect” do lasting harm.'],
    ['a headline read out', 'One headline read “Junkie mum jailed for neglect”, the panel heard.'],
    ['a parenthesis naming whose word it is', 'The street homeless, as earlier strategies called them, are a small group.'],
    ['a parenthesis naming a word for another', 'The AIDS virus, as reporters called HIV, was on every front page.'],
    ['in the language of', 'A successful suicide, in the language of one old textbook, was a completed act.'],
    ['a list that a frame after it names as terms', 'The guide lists AIDS victim, HIV carrier and full-blown AIDS as terms to avoid.'],
    ['a bare term after a verb of saying, ending its clause', "Don't say crack baby."],
    ['a bare term after instead of', 'Instead of AIDS test, say HIV test.'],
    ['a list after a colon and a word of advice', 'Do not use: AIDS victim, sufferer, infected.'],
    ['a style-guide heading and a colon', 'Outdated: AIDS orphan.'],
    ['a glossary entry', 'AIDS victim – avoid; use person living with HIV.'],
    ['the label of', 'He rejected the label of HIV carrier.'],
    ['a quoted phrase as the subject', '“AIDS victim” implies powerlessness.'],
    ['quoted phrases joined in a list', "Newspapers wrote about 'AIDS victims' and 'innocent victims' of the virus."],
    ['a quoted phrase after calling people', "Calling people 'illegal immigrants' is inaccurate, the guide says."],
    ['a quoted phrase dropped from a stylebook', "The AP Stylebook dropped 'illegal immigrant' in 2013."],
    ['a quoted phrase after not', "Use 'person who uses drugs', not 'drug user'.", {preset: 'strict' as const}],
    ['one quoted word after a colon', "Words matter: 'addict' defines a person by one thing."],
    ['the term, with an adjective between', 'The offensive term junkie still appears in court reports.'],
    ['the label, with an adjective between', 'She objected to the outdated label addict.'],
    ['a word noun a few words after the verb', 'Lunatic was once a legal term in England.'],
    ['a bracketed list after a frame noun', 'Words (junkie, crackhead) that dehumanise should be avoided.'],
    ['advice not to call people the term', "Don't describe people as schizophrenics."],
    ['advice not to call them the term', 'Never call them junkies.'],
    ['advice not to describe a noun phrase as the term', 'We never describe a service user as an addict in print.'],
    ['advice not to describe a person as the quoted term', 'Please do not describe a person as “a junkie”.'],
    ['avoiding calling anyone the term', 'The leaflet avoids calling anyone a junkie.'],
    ['a quotation running on past the flagged verb', 'Instead of “abusing drugs”, the guide says “using drugs”.'],
    ['a list after “including” a few words after a frame noun', 'The guide lists terms to avoid, including junkie and crackhead.'],
    ['what someone called', 'What the Victorians called lunatics were often people with epilepsy.'],
    ['what was then called', 'Asylums held what were then called lunatics.'],
    ['a sentence-case headline a paper ran', 'The Sun ran “Junkie mum jailed for neglect” on its front page.'],
    ['a sentence-case headline on a front page', 'One tabloid’s front page, “Crackhead dad spared jail”, drew 300 complaints.'],
    ['a hyphenated item of a bare list', 'The words ex-offender and ex-prisoner are both used by charities.', {preset: 'strict' as const}],
    ['a title opening the sentence, named in an apposition', 'Drug Misuse: Prevention And Treatment, the 2003 government paper, is no longer current.', {preset: 'strict' as const}],
    ['an unquoted title after a naming verb', 'The report, titled Addicts in Our Midst, was withdrawn.'],
    ['an unquoted title after a title noun', 'The council withdrew the report Addicts in Our Streets last year.'],
    ['labelling discussed with an infinitive', 'What does it mean to call someone an addict?'],
    ['labelling discussed with a gerund subject', 'Referring to someone as a schizophrenic reduces them to a diagnosis.'],
    ['labelling oneself', 'Some people prefer to call themselves alcoholics, and that is their choice.'],
    ['labelling discussed, with as', 'Describing people as junkies makes services harder to reach.'],
    ['advice against a quoted phrase', "The style guide advises against 'committed suicide', preferring 'died by suicide'."],
    ['a verb that discourages a quoted phrase', 'Most style guides now discourage "AIDS sufferer".'],
    ['labelling anyone, with a finite verb', 'When a source calls someone a junkie, ask whether the quote adds anything.'],
    ['a definition', 'The dictionary defines junkie as a person addicted to heroin.'],
    ['the word entering the language', 'Junkie entered the language in the 1920s.'],
    ['a word replaced with another', 'The newsroom replaced addict with person who uses drugs in every story.'],
    ['a quoted phrase changed to another', "We changed 'substance abuse' to 'substance use' in the title."],
    ['a style rule setting a word aside', 'Say person who uses drugs, not junkie.'],
    ['a style rule after a colon', 'The sheet is short: say person who uses drugs, not junkie.'],
    ['quoted alternatives with articles', 'Participants read about a "substance abuser" or a "person with a substance use disorder".'],
    ['terms a list includes', 'Outdated terms include lunatic, maniac and psycho.'],
    ['mentions of a quoted phrase', 'Mentions of "illegal immigrants" rose sharply in 2015.'],
    ['a title in an apposition after a title noun', 'Her first novel, Crack Baby, won a prize.'],
    ['labelling anyone, with a quoted term', "Describing someone as an 'HIV carrier' suggests they are a danger."],
    ['a label refused', 'He refuses to be called an AIDS sufferer.'],
    ['a label not wanted', 'She does not want to be described as HIV-infected.'],
    ['a label objected to', 'He objected to being described as an ex-con in the article.'],
    ['a label nobody wants', 'Nobody wants to be known as a junkie for the rest of their life.'],
    ['a word noun in an apposition', 'Older reports speak of AIDS orphans, a phrase many aid agencies now avoid.'],
    ['a question about the word', 'Is inmate an offensive word?'],
    ['a word rejected as a description', 'UNAIDS terminology guidelines reject HIV-infected as a description of people.'],
    ['the writer\'s style rule with never', 'We say people living with HIV, never HIV sufferers.'],
    ['a glossary arrow', 'Swaps that are always safe: addict → person with addiction, drug abuse → drug use.'],
    ['a glossary arrow between quotations', 'Replace "drug abusers" -> "people who use drugs" everywhere.'],
    ['a glossary arrow between emphases', 'Idioms: *got clean* → *stopped using drugs*.', {preset: 'strict' as const}],
    ['a band named after its noun', 'The band Juvenile Delinquents played the Roxy in 1977.'],
    ['a word noun after a closing mark', 'Some outlets still refer to "HIV carriers", a term activists rejected decades ago.'],
    ['a word noun in an apposition after a list', 'Older documents speak of lunatics and imbeciles, terms now rightly retired.'],
    ['a label refused out of weariness', 'She was tired of being described as "an alcoholic".'],
    ['a question about what the word means', 'What does "full-blown AIDS" mean?'],
    ['a description, quoted', 'The description "drug addict" appeared in the charge sheet.'],
    ['a frame inside a longer quotation', 'He said: "We used the term AIDS victims because that was the language of 1987."'],
    ['a frame inside a quotation nested in another', 'She said: "We used the term \'AIDS victims\' because that was the language of 1987."'],
    ['a sentence opening on bare singular terms', 'Junkie, crackhead and smackhead all reduce a person to a drug.'],
    ['bare singular terms before a colon', 'Addict, abuser, junkie: each of these words carries a verdict.'],
    ['a frame noun, a copula and a quoted phrase', 'Under the Street Offences Act 1959, the legal term was "common prostitute".'],
    ['a quoted phrase said of anyone', 'Saying someone "committed suicide" links their death to a crime.'],
    ['a quoted phrase one writes rather than another', 'Writing "an alcoholic" rather than "a person with alcohol dependence" changes how a reader feels.'],
    ['a verb of calling with an object of several words', 'Calling a cold day "bipolar weather" trivialises a serious illness.'],
    ['a term denied a referent', 'There is no such thing as an "AIDS test".'],
    ['a term denied a referent, unquoted', "There's no such thing as the AIDS virus; the virus is HIV."],
    ['a quoted phrase after a determiner, as scare quotes', 'The "crack baby" turned out to be a media invention.'],
    ['a question judging a quoted phrase', 'Is "HIV sufferer" offensive?'],
    ['a gerund of naming anyone of a kind', 'Calling a released prisoner an ex-offender keeps them tied to their crime.'],
    ['a quoted phrase others spoke of', 'In 1985 the Sun called AIDS "the gay plague", and other papers spoke of "AIDS victims".'],
    ['a frame noun and “of” before a quoted phrase', 'The language of "drug abuse" has fallen out of favour.'],
    ['a quoted phrase that others used', 'Older guides used "substance abuse"; newer ones prefer "substance use".'],
    ['a quoted phrase shown to readers', 'Clinicians shown "substance abuser" in the vignette recommended punishment.'],
    ['a term that means or implies something', 'AIDS victim suggests helplessness, so we avoid it.'],
    ['a term that carries a connotation', 'Junkie carries decades of contempt.'],
    ['a quoted question called a question', '"Are you clean?" is a question many people living with HIV dread.'],
    ['a wording a verb of calling sets aside', 'Doctors call it an HIV test, not an AIDS test.'],
    ['a style rule setting aside a term with its article', 'Say person who uses drugs, not a junkie.'],
    ['a term renamed', 'The AIDS test was renamed the HIV test in 1986.'],
    ['a term now called something else', 'Junkies are now called people who use drugs in our guide.'],
    ['a quoted phrase after a noun of ideas and “of”', 'The notion of "full-blown AIDS" confuses stages of infection.'],
    ['a sentence opening on whose language it is', 'In the parlance of the 1980s, she was an AIDS victim.'],
    ['advice against calling a baby the term', 'Nobody should call a baby a crack baby.'],
    ['a term called a byword', 'Crack baby became a byword for a lost generation.'],
    ['one phrase after a bare plural frame noun', 'The words AIDS victim appeared in 400 articles that year.'],
    ['a quoted phrase searched for', 'Search for "AIDS victim" in the archive and you find thousands of hits.'],
    ['a bare singular term opening the sentence, called a term in an apposition', 'Crack baby, a term coined in 1986, is now rejected.'],
    ['a quoted phrase a guide lists', "The guide lists 'AIDS victim' among phrases to avoid."],
    ['a frame with the term in emphasis typed in plain text', 'The word *junkie* hurts.'],
    ['a replacement with both wordings in emphasis typed in plain text', 'Replace _addict_ with _person with addiction_.'],
    ['a quoted list with its full stop inside the last closing mark', 'Avoid "AIDS victim," "HIV carrier," and "full-blown AIDS."'],
    ['a bare term that opens the sentence called a novel', 'Junkie is a novel by William S. Burroughs.'],
    ['one capitalised word after a title noun with its determiner', 'The novel Junkie was published in 1953.'],
    ['a bracket after the term that names it a term', 'Common prostitutes (the term used at the time) could be arrested on sight.'],
    ['a bracket with the frame noun last', 'The prison held convicts (then the usual term) from across the empire.'],
    ['a list after a copula, with a plural frame noun a few words back', 'Among the words to avoid are addict, junkie and crackhead.'],
    ['a frame noun without its determiner in a headline', 'Charity Warns Against Phrase Full-Blown AIDS'],
    ['a quoted phrase that is to be struck out', 'Campaigners want "committed suicide" struck from newspaper style guides.'],
    ['a quoted phrase after a verb of naming, its object and an article', 'Critics called it a "junkie tax" on the poor.'],
    ['a description blamed', 'He was criticised for describing migrants as "illegal immigrants".'],
    ['one quoted wording moved away from for another', 'The UN has moved away from "AIDS victims" towards "people living with HIV".'],
    ['a quoted phrase that readers read', 'Clinicians who read "substance abuser" were more likely to favour punishment.'],
    ['the second item after “instead of”', 'The guidance tells staff to say "person who uses drugs" instead of junkie or addict.'],
    ['advice against calling someone named by a noun phrase the term', "Don't call my brother a junkie."],
    ['advice against calling us the term', 'Stop calling us addicts.'],
    ['a style guide’s “Don’t:” before a colon', 'Don\'t: "committed suicide". Do: "died by suicide".'],
    ['a quoted phrase that coders flagged', 'Coders flagged "committed suicide" in 18% of reports.'],
    ['the frequency of a quoted phrase', 'The frequency of "illegal immigrant" fell after 2013.'],
    ['a glossary entry after a colon', 'Glossary: Addict — avoid; use person with addiction.'],
    ['a glossary entry with its part of speech', 'Addict (noun): outdated; see person with addiction.'],
    ['quotation marks round two terms and the word that joins them', 'The workhouse admitted "tramps and vagrants" every night.'],
    ['quotation marks round a list of terms', 'The hostel took in "addicts, drunks and tramps" without question.'],
    ['a quoted phrase a complaint is about', 'Two readers complained that the report had said he "committed suicide".'],
    ['a term with its article defined', 'Dictionaries define an addict as a person who cannot stop using a substance.'],
    ['a term in a definition', 'Merriam-Webster defines junkie as a narcotics peddler or addict.'],
    ['a term whose register is named', 'A crackhead, in slang, is a person who uses crack.'],
    ['a title told apart in brackets', 'For the novel, see Junkie (novel).'],
    ['a list of synonyms', 'Synonyms listed include druggie, junkie and user.'],
    ['a thing’s former name in a bracket', 'The virus (then known as the AIDS virus) was isolated in 1983.'],
    ['a thing’s former name in an aside', 'In 1983 scientists isolated HIV, then called the AIDS virus.'],
    ['a thing named', 'Early reports called it the AIDS virus.'],
    ['a thing’s name in the past', 'Until 1986 it was called the AIDS virus.'],
    ['what people call a thing', 'What people call an AIDS test is an HIV test.'],
    ['a quoted phrase swapped for another', 'Swap "substance abuse" for "substance use".'],
    ['a bare term swapped for another', 'Swap junkie for person who uses drugs.'],
    ['the wording set aside after instead of saying', 'Instead of saying someone committed suicide, say they died by suicide.'],
    ['the wording set aside after rather than writing', 'Rather than writing that he was a junkie, describe what happened.'],
    ['a list among terms to avoid', 'The guide lists AIDS victim, AIDS carrier and HIV-infected among terms to avoid.'],
    ['terms for people, such as', 'Slang terms for sex workers, such as hooker and tart, are common in tabloids.'],
    ['words for people, like', 'Words for drug users like junkie and smackhead dehumanise.'],
    ['a quoted word in a quoted phrase', 'The word "abuse" in "substance abuse" implies wilful wrongdoing.'],
    ['the term called a name', 'Junkie is also the name of a 1953 novel.'],
    ['a translation', 'The Spanish "drogadicto" is usually translated as "drug addict".'],
    ['a literal translation', 'The German "Geisteskranke" translates literally as "the mentally ill".'],
    ['a correction of the wording', 'The student newspaper printed a correction after saying the victim had "committed suicide".'],
    ['an adjective before the language noun in an aside', 'Lunatics, to use the Victorian term, were confined in asylums.'],
    ['an adjective before the language noun in an aside before the term', 'The parish housed, to use the Victorian term, lunatics.'],
    ['a legal category', 'The Victorian category of "habitual drunkard" survived into the 1960s.'],
    ['bare terms, a colon and the words', 'Hooker, whore, tart: the words change but the contempt stays.'],
    ['a headline in capitals after a colon', 'One front page read: JUNKIE MUM LEFT KIDS ALONE.'],
    ['a one-word title after a title noun with an adjective', "The band's first album, Convicts, was released in 2004."],
    ['a one-word title after a title noun and a possessive in s', "Burroughs' novel Junkie, first published in 1953, is bleak."],
    ['a quoted phrase and its grammar', "Debates show that 'the homeless' became common as a collective noun only after 1970."],
    ['a quoted wording objected to', 'Many campaigners object to "AIDS orphans", preferring "children orphaned by AIDS".'],
    ['one quoted wording set against another', 'Style tip: write "HIV test", never "AIDS test".'],
    ['a quoted term denied a referent', 'There is no "AIDS test"; the test is for HIV.'],
    ['a gerund of saying opening the sentence', 'Saying a baby was "born addicted" blames the mother.'],
    ['a quotation called a phrase in an apposition', 'The police log described him as a "known crackhead", a phrase the inquiry criticised.'],
    ['a quotation called its wording in an apposition', 'The form asks whether you have ever been "an alcoholic or drug abuser", wording the charity wants removed.'],
    ['a quoted wording changed, in the passive', 'In the minutes, "illegal immigrant" was changed to "undocumented migrant" at the chair\'s request.'],
    ['a quoted wording and a list of phrases', 'Should "parked on methadone" be added to the list of banned phrases?'],
    ['a one-word title after a genre noun', 'Stephen Dorff starred in the 2008 prison drama Felon.'],
    ['a title after a verb of publishing', 'William S. Burroughs published Junkie under a pseudonym in 1953.'],
    ['a dictionary entry with a numbered sense', 'Dictionary entry: tramp (noun) 1. a person who travels from place to place on foot; 2. a long walk.'],
    ['a quotation of a pattern’s whole phrase, its words before << included', 'The guidance warns that saying "suicide is selfish" adds to the shame felt by families.']
  ])('%s', (_label, text, options: StigmaOptions = {}) => {
    expect(found(text, options)).toEqual([])
    // The term is there to find: checked as a use, the sentence has a finding.
    expect(found(text, {...options, mentions: 'report'})).not.toEqual([])
  })

  it('reports each of them with mentions: report', () => {
    expect(found('The word junkie is hurtful.', {mentions: 'report'})).toEqual(['junkie: junkie'])
    expect(found('Terms such as addict, junkie and crackhead are harmful.', {mentions: 'report'})).toEqual(['addict: addict', 'junkie: junkie', 'crackhead: crackhead'])
    expect(found('So-called junkies were blamed for the closures.', {mentions: 'report'})).toEqual(['junkie: junkies'])
  })
})

describe('a sentence about words holds up a term on its own', () => {
  it.each([
    ['a quoted term in a sentence about a corpus', 'In the newspaper corpus, "drug addict" turned up far more often than "person who uses drugs".'],
    ['a quoted term after a colon, in a style note', 'Style note: "the mentally ill" and "the homeless" are collective nouns we avoid.'],
    ['a quoted term in a sentence naming a language', 'Translators struggle with "committed suicide" in English and its equivalents in French.'],
    ['a list of bare terms in a sentence about a glossary', 'Our glossary files junkie, crackhead and druggie under "never use".'],
    ['a list of bare terms and single words after a dash', 'The leaflet lists five words — addict, junkie, abuser, user, clean — and strikes each out.'],
    ['a dictionary’s part-of-speech label', 'Wino (n., informal): a person who drinks cheap wine, often offensive.'],
    ['a part-of-speech label after a comma', 'Entry: crackhead, noun, slang for a person who uses crack cocaine.'],
    ['a quoted term that trivialises', 'Presenters were told that "bipolar weather" trivialises a serious illness.'],
    ['a quoted term that moved from one kind of writing to another', 'Her book traces how "dope fiend" moved from newspapers into pulp fiction.'],
    ['a quoted term that was the usual description', 'In the 1970s, "mental patient" was the usual description in the press.'],
    ['a quoted term that was used', 'The study found that "full-blown AIDS" was used in half of the reports.'],
    ['a quoted term before a noun of talk about it', 'Donors responded to "AIDS orphan" imagery in the appeal.'],
    ['a quotation held up as an example', 'The old poster, reading "AIDS victims need your help", is shown in training as an example of what not to do.'],
    ['a quoted question called a question in an apposition', '"Can you catch AIDS from a cup?", a question leaflets once asked, spread fear.'],
    ['a bare singular term called a word in an apposition', 'The first half of dipsomaniac, a word now rare, comes from Greek.'],
    ['a quoted term preferred to another', 'Volunteers preferred "person without a home" to "the homeless".'],
    ['a translation with an adverb between', 'The Portuguese word is often rendered, wrongly, as "drug addict".'],
    ['a wording to be replaced, after a modal', 'The clerk said "injecting drug users" would be replaced with "people who inject drugs".'],
    ['a quoted term someone popularised', 'He is credited with popularising "lunatic fringe" in 1913.'],
    ['a quoted term printed on leaflets', 'Peer workers asked the council to stop printing "get clean" on its leaflets.'],
    ['a term given with its acronym noun', 'Groups argued that the acronym IDU reduced people to a route of drug use.'],
    ['a term that carries a connotation', 'Junkie carries decades of contempt.'],
    ['a bare headword after a verb of lexicography', 'The dictionary traces junkie to the slang of the 1920s.'],
    ['a bare headword after the origin of', 'The etymology pages explain the origin of dipsomaniac in Greek.'],
    ['a term set against its own replacement', 'Our nurses offer an HIV test, not an AIDS test.'],
    ['a term set against its replacement with “rather than”', 'Staff are trained to write people who inject drugs rather than injecting drug users.'],
    ['a sentence that is only the term, asked about', 'Fell off the wagon? Our editor explains why the idiom hurts.'],
    ['a sentence that is only the term and its alternative, asked about', 'Dementia sufferer or person living with dementia? The guidance is clear.'],
    ['the term as a heading before a colon and talk of its wording', 'Non-compliant patient: the handbook now treats that description as a prompt.'],
    ['a bare term that an aside says a headline called it', 'Failed suicide, the headline called it.'],
    ['a bare plural that an aside says a survey called them', 'Derelicts, the 1978 survey called them, a label that has aged badly.'],
    ['a bare term that an aside says a caption read', 'Suicide victim, the caption read, until the desk changed it.'],
    ['a bare singular term that an aside reports', 'Full-blown AIDS, the charity notes, is something doctors no longer say.'],
    ['a shown text whose wording was taken back', 'The museum label, which once read "used on convicts", has been rewritten.'],
    ['a quoted term struck from a leaflet', 'The board struck "replacing one drug with another" from the leaflet.'],
    ['quoted wordings compared', 'Ask students to compare "committed suicide" with "died by suicide".'],
    ['others’ words, with an adverb between', 'Magistrates spoke routinely of "habitual drunkards".'],
    ['quoted descriptions joined by “or as”', 'Respondents read a story describing a man as "a schizophrenic" or as "a man with schizophrenia".'],
    ['a quoted term in a sentence about an outcry', 'The shop withdrew a "mental patient" costume after a public outcry.'],
    ['a quoted term that should become another', 'She argues that "alcoholic liver disease" should become "alcohol-related liver disease".'],
    ['a nickname owned by a possessive in an apposition', "Alkie, the character's nickname in the script, was cut."],
    ['a coinage dated in an apposition', 'Juvenile delinquent, the 1950s coinage, fills the old probation reports.'],
    ['a list of bare words before a colon and talk of words', 'Inmate, detainee, prisoner, resident: the glossary shows how the wording changed.'],
    ['a quoted term before a scare', 'The 1980s "crack babies" scare owed more to poverty than to cocaine.'],
    ['a quoted term in a sentence about a text rewritten', 'The letter warning parents about "the town drunk" has been rewritten.'],
    ['a quoted term that came up', 'Nurses were asked what patients were called; "mental cases" came up more than once.'],
    ['a quoted term that echoes something, after why', 'Our guidelines explain why "committed suicide" echoes a time when suicide was a crime.'],
    ['a quoted term that sounds some way, after how and an adjective', 'I had not realised how distant "the homeless" sounds.'],
    ['a quoted term that has no meaning', 'Clinicians argue that "full-blown AIDS" has no precise meaning.'],
    ['a quoted term in a sentence about a house style', 'The house style says "people experiencing homelessness" where we once wrote "the homeless".'],
    ['a quoted term put in inverted commas', 'The authors put "failed suicide" in inverted commas throughout.'],
    ['a quoted term taken out of a text', 'She asked councillors to take "the mentally ill" out of the strategy.'],
    ['an acronym described as an abbreviation', 'The glossary describes IDU as an abbreviation once common in epidemiology.'],
    ['a quoted question after “questions such as”', 'Panels are reminded that questions such as "Have you ever been a mental patient?" are restricted.'],
    ['a longer quoted wording set beside a quoted term', 'Guidance for schools: avoid "chose suicide" or "took the easy way out".'],
    ['quoted wordings that a text says are out', 'The handout says "streetwalker" and "working girl" are out.'],
    ['a quoted description with an article and a word before the term, in a correction', 'Correction: we described her as "a former prostitute" and have amended the article.'],
    ['a quoted term asked about as a diagnosis', 'A reader asked whether "crack baby" was ever a medical diagnosis.'],
    ['a quoted term that is discouraged', 'The guide explains why "the mentally ill" is discouraged.'],
    ['a question about a quoted term after a colon', 'A question from a reader: is "drug abuser" any worse than "drug misuser"?'],
    ['a quoted term an amended article referred to', 'This article was amended because it referred to "the mentally ill".'],
    ['a jibe about a quoted phrase', 'The jibe about "replacing one drug with another" usually gets the pharmacology wrong.']
  ])('%s', (_label, text) => {
    expect(found(text)).toEqual([])
  })

  it.each([
    ['a term used of people beside a quoted wording', 'We prefer "person who uses drugs", but the addicts on the estate still use the old words.', ['addict: addicts']],
    ['two terms side by side in a quotation of speech', 'The councillor said he did not want "AIDS-infected junkies" near the clinic.', ['hiv-infected: AIDS-infected', 'junkie: junkies']],
    ['a comma after an opening phrase is no list', 'Forty years ago, an AIDS test meant a long wait.', ['aids-test: an AIDS test']],
    ['a list of people with no word about words', 'Addicts, alcoholics and drunks slept in the doorway.', ['addict: Addicts', 'alcoholics: alcoholics', 'drunkard: drunks']],
    ['a list after an idiom with “words”', 'In other words, addicts and alcoholics were turned away.', ['addict: addicts', 'alcoholics: alcoholics']],
    ['a quotation longer than the term, in a sentence about words', 'The glossary was revised after a witness said "he is a junkie" in court.', ['junkie: junkie']],
    ['a plural term that carries a stigma', 'Junkies carried the stigma for decades.', ['junkie: Junkies']],
    ['a person traced, with an article, in a sentence about words', 'The glossary team traced the junkie who wrote the note.', ['junkie: junkie']],
    ['a term set against something other than its replacement', 'He was an addict, not a criminal.', ['addict: addict']],
    ['a term set against another test', 'She took an AIDS test, not a blood test.', ['aids-test: an AIDS test']],
    ['a plural that an aside reports', 'Heroin addicts, the police said, were moved on.', ['addict: Heroin addicts']],
    ['a shown text whose author used the words', 'A sign on the door read "No junkies allowed".', ['junkie: junkies']],
    ['a quoted name for a person, after a verb of naming and its object', 'The court heard he called the defendant "a junkie" in the street.', ['junkie: junkie']],
    ['quoted words someone said, one after another', 'He said "you junkie" and "get out of here" before leaving.', ['junkie: junkie']],
    ['a list of bare words before a colon, with no talk of words', 'Addicts, dealers, thieves: the estate has seen them all.', ['addict: Addicts']],
    ['a list that is the subject of a clause, in a sentence about language', "I'm all for sensitive language, but junkies and winos have made the park unusable.", ['junkie: junkies', 'wino: winos']]
  ])('does not hold: %s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('frame words that do not make a mention', () => {
  it.each([
    ['a frame noun in an idiom', 'The word on the street is that addicts are moving in.', ['addict: addicts']],
    ['terms of a contract', "Terms of the new contract for addicts' services were agreed.", ["addict: addicts'"]],
    ['a frame after the term', 'The addicts, a term the paper used, were moved on.', ['addict: addicts']],
    ['in a word', 'In a word, addicts need help.', ['addict: addicts']],
    ['a plural frame noun before a clause', 'These are the words addicts hear most often.', ['addict: addicts']],
    ['a plural frame noun before one bare word and a clause', 'The terms addicts use among themselves differ.', ['addict: addicts']],
    ['an indefinite singular frame noun', 'The last word addicts hear is no.', ['addict: addicts']],
    ['the name of', 'The name of the addict was withheld.', ['addict: addict']],
    ['like after a noun that names no words', 'People like addicts deserve help.', ['addict: addicts']],
    ['a clause after a list', 'He used words like hope, and addicts responded.', ['addict: addicts']],
    ['a copula and a frame noun after a term that does not open the sentence', 'Staff say junkies are a slur on the town.', ['junkie: junkies']],
    ['a copula without a frame noun', 'Addicts and their families are the people we serve.', ['addict: Addicts']],
    ['a verb of naming applied to a person', 'She called him a junkie in front of his children.', ['junkie: junkie']],
    ['a judgement of people, in the plural', 'Junkies are offensive to the shopkeepers, one resident said.', ['junkie: Junkies']],
    ['a stigma people carry, in the plural', 'Junkies carried the stigma for decades.', ['junkie: Junkies']],
    ['a thing carried, in a headline', 'Addict carries heroin across border', ['addict: Addict']],
    ['advice about people, after a determiner', 'The addicts should be avoided, the landlord told tenants.', ['addict: addicts']],
    ['avoid in the middle of a sentence, before a clause', 'Residents avoid junkies when they can.', ['junkie: junkies']],
    ['describing a person as the term, with no advice against it', 'Witnesses described the man as a junkie who begged outside.', ['junkie: junkie']],
    ['including after a noun that names no words', 'Services for local people, including addicts, were cut.', ['addict: addicts']],
    ['a passive of calling reports a use', 'Being called a junkie made him stop going to the clinic.', ['junkie: junkie']],
    ['a longer quotation after a verb of naming and its object', 'A councillor called it “a free pass for druggies” last week.', ['druggie: druggies']],
    ['a plural possessive before a quoted word', "The junkies' ‘recovery’ was slow.", ["junkie: junkies'"]],
    ['a use after a mention, joined by a clause', 'The word junkie hurts, and junkies know it.', ['junkie: junkies']],
    ['a use after a quoted mention, joined by a clause', 'The term “addict” was dropped, but addicts still hear it.', ['addict: addicts']],
    ['as with no naming verb after it', 'Addicts, as is well known, are often turned away.', ['addict: Addicts']],
    ['a verb of saying before a clause', 'I would say junkies are the least of our worries.', ['junkie: junkies']],
    ['a term opening a headline with a colon', 'Alcoholics: the hidden crisis in our care homes', ['alcoholics: Alcoholics']],
    ['a quoted speech of several words after a colon', 'He said: “Junkies are back.”', ['junkie: Junkies']],
    ['a film named, and the term outside its title', 'The film Trainspotting follows a group of heroin addicts.', ['addict: heroin addicts']],
    ['a nickname given to a person', 'She called him Junkie.', ['junkie: Junkie']],
    ['an adjective and a term that is not a frame noun', 'The old man called the addicts names.', ['addict: addicts']],
    ['a naming verb without what', 'Neighbours called him a drunk for years.', ['drunk: a drunk']],
    ['describing someone without advice against it', 'She described him as a junkie.', ['junkie: junkie']],
    ['a bracketed aside that is no list', 'Junkies (and there are many) sleep here.', ['junkie: Junkies']],
    ['words spoken to a newspaper', 'Her mother told the newspaper “Junkies ruined his life”.', ['junkie: Junkies']],
    ['a quoted sentence in a sentence about a tabloid', 'The tabloid quoted his mother: “He was a junkie, and he knew it.”', ['junkie: junkie']],
    ['a headline that opens on a title noun', 'Documentary Follows Addicts Through Winter', ['addict: Addicts']],
    ['a list ending in a noun that names no words', 'Those at risk include: alcoholics, people who inject drugs and others.', ['alcoholics: alcoholics']],
    ['a label given to someone in particular', 'Police described him as a junkie in the charge sheet.', ['junkie: junkie']],
    ['the writer calling someone a term', 'They call people like him junkies.', ['junkie: junkies']],
    ['a gerund with a particular object', 'Calling him an addict was unfair.', ['addict: addict']],
    ['replaced, with no word after it', 'The hostel replaced junkies on the waiting list first.', ['junkie: junkies']],
    ['a clause after not that no style rule opens', 'They are not junkies, but they need help.', ['junkie: junkies']],
    ['a novel named without a closing comma', 'In her first novel, Junkies are heroes.', ['junkie: Junkies']],
    ['people who came from somewhere', 'Addicts came from all over the city.', ['addict: Addicts']],
    ['the word coming from another', 'Junkie comes from junk, slang for heroin.', []],
    ['a label given, nothing refused', 'The man, who used to be called a junkie by neighbours, now runs a cafe.', ['junkie: junkie']],
    ['an apposition that names people', 'The addicts, a group of six men, were moved on.', ['addict: addicts']],
    ['a question about people', 'Is the addict a danger to others?', ['addict: addict']],
    ['people used as something', 'Police used junkies as informants.', ['junkie: junkies']],
    ['a dash, not an arrow', 'The addicts - six men in all - were moved on.', ['addict: addicts']],
    ['an HTML comment before the sentence, not an arrow', 'Note <!-- a comment --> An addict spoke.', ['addict: addict']],
    ['a comment\'s close between words, not an arrow', 'The x--> addicts spoke.', ['addict: addicts']],
    ['an apposition after a list of people', 'Police spoke to addicts and dealers, a group of twenty.', ['addict: addicts']],
    ['a weary label with no passive of naming', 'She was tired of the alcoholics next door.', ['alcoholics: alcoholics']],
    ['a question about what a person means', 'What does the addict mean to you?', ['addict: addict']],
    ['a description of a person, unquoted', 'The description of the drug addict was vague.', ['addict: drug addict']],
    ['a quotation with no frame inside it', 'He said: "The addicts were moved on last week."', ['addict: addicts']],
    ['a sentence opening on plural terms', 'Junkies, crackheads and dealers moved into the flats.', ['junkie: Junkies', 'crackhead: crackheads']],
    ['one bare singular term opening a headline', 'Junkie jailed for shoplifting', ['junkie: Junkie']],
    ['a list of phrases that hold terms, with numbers before them', 'One junkie, then another junkie.', ['junkie: junkie', 'junkie: junkie']],
    ['a frame noun without a copula before the term', 'The term ended when addicts moved in.', ['addict: addicts']],
    ['such a thing, said of people', 'There was no such thing as a quiet night with the addicts next door.', ['addict: addicts']],
    ['a quoted description with its article inside', 'Doctors read that the patient was "a substance abuser".', ['drug-abuser: substance abuser']],
    ['speaking of people, unquoted', 'The nurses spoke of AIDS victims they had nursed.', ['aids-victim: AIDS victims']],
    ['a particular person said to have done something', 'Police said the man "committed suicide" in his cell.', ['committed-suicide: committed suicide']],
    ['a person who meant something', 'The addict meant no harm, his mother said.', ['addict: addict']],
    ['a frame noun and “of” before an unquoted term', 'The language of addicts in the film is raw.', ['addict: addicts']],
    ['a person set against the label, with no wording named', 'She is a mother, not an addict.', ['addict: addict']],
    ['people summoned, not renamed', 'The addicts are now called in one by one.', ['addict: addicts']],
    ['people who became known for something', 'The addicts became known as regulars at the cafe.', ['addict: addicts']],
    ['a bare plural frame noun before a clause', 'The words addicts hear in court stay with them.', ['addict: addicts']],
    ['emphasis on a word for stress', 'She was *not* an addict, whatever they said.', ['addict: addict']],
    ['a quoted sentence with its full stop inside', 'Police said the man "committed suicide."', ['committed-suicide: committed suicide']],
    ['a title noun without a determiner before a capitalised word', 'She runs a charity. Addicts come to it daily.', ['addict: Addicts']],
    ['a title noun later in the clause', 'Self-harmers are often afraid to show their scars.', ['self-harmer: Self-harmers']],
    ['calling someone the term, with no advice against it', 'Police call the man a junkie.', ['junkie: junkie']],
    ['a clause after a colon that uses the term', 'Note: Addicts were seen daily at the clinic.', ['addict: Addicts']],
    ['quotation marks round a term and a word that is none', 'He shouted "junkies and thieves" at them.', ['junkie: junkies']],
    ['a person’s former label', 'He, once known as a junkie, now runs a charity.', ['junkie: junkie']],
    ['a person called the term then', 'The man was then called a junkie by the press.', ['junkie: junkie']],
    ['a thing named by a quoted description holding the term', 'A councillor called it “a free pass for druggies” at a meeting.', ['druggie: druggies']],
    ['a person defined as the term', 'The court defined him as an addict for the purposes of the order.', ['addict: addict']],
    ['a person who defines themselves as the term', 'He defines himself as a recovering addict.', ['ex-addict: recovering addict']],
    ['a bracket naming the word after people with their determiner', 'The addicts (the term the paper used) were moved on.', ['addict: addicts']],
    ['a bracket with no frame noun', 'The inmates (three men) were moved.', ['inmate: inmates']],
    ['a title noun after a verb, not the copula', "The county's homeless were counted on a single night.", ["the-homeless: The county's homeless"]],
    ['a swap of people with their determiner', 'The hostel swapped its addicts for students.', ['addict: addicts']],
    ['instead of saying, then a new clause', 'Instead of saying hello, the addicts walked past.', ['addict: addicts']],
    ['services for people, such as', 'Services for addicts, such as hostels, were cut.', ['addict: addicts']],
    ['in after a quotation that is no word', 'He read "The Times" in the addicts\' drop-in.', ["addict: addicts'"]],
    ['a clause after a quotation and a comma', 'In what the governor called "a landmark step", convicts will now be allowed to study.', ['convict: convicts']],
    ['a clause after a quoted name and a comma', 'Her son, whose band was called "The Strays", committed suicide in 2019.', ['committed-suicide: committed suicide']],
    ['a front page after a colon, in lower case', 'One front page read: police say the addicts moved on.', ['addict: addicts']],
    ['a colon after bare words, then no word noun', 'Hooker, whore, tart: the women behind them were real.', ['whore: whore']],
    ['a quoted phrase, then a sentence about something else', "Police moved 'the addicts' on. Nouns were not the point.", ['addict: addicts']],
    ['a gerund of saying far from the quotation', 'Saying goodbye was hard, and the nurses said the babies were "born addicted" that year.', ['born-addicted: born addicted']],
    ['never before a quotation with no quoted wording before it', 'They never "got clean" in the time we knew them, and nobody blamed them.', ['clean-person: got clean']],
    ['a verb of publishing before a lower-case term', 'The paper published junkies\' names.', ["junkie: junkies'"]],
    ['a list of people, not of words', 'She added "the addicts" to the list of guests.', ['addict: addicts']],
    ['among people, not words', 'He counted addicts among his friends.', ['addict: addicts']],
    ['underscores inside an identifier still join it', 'The export script writes junkie_counts.csv every night.', []]
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('keeps quoted speech as quoted speech, not scare quotes', () => {
    for (const text of ['“Junkies,” he said, “are everywhere.”', 'He said: “Junkies.”', 'She shouted “Junkies!” at the queue.']) {
      const findings = lint(text)
      expect(findings.map((finding) => [finding.ruleId, finding.inQuotation, finding.mention]), text).toEqual([['junkie', true, false]])
    }
  })
})

describe('mentions: lower', () => {
  it('reports a mention one level lower, without a fix, and says so', () => {
    const [mention] = lint('The word junkie is hurtful.', {mentions: 'lower'})
    expect(mention).toMatchObject({ruleId: 'junkie', severity: 'warning', mention: true, inQuotation: false})
    expect(mention?.message).toMatch(/\(mentioned as a word\)$/)
    expect(mention?.fix).toBeUndefined()
    // Its suggestions stay, as a quoted finding's do.
    expect(mention?.expected.length).toBeGreaterThan(0)
    const [use] = lint('The junkie left.', {mentions: 'lower'})
    expect(use).toMatchObject({severity: 'error', mention: false})
    expect(use?.fix).toBeDefined()
  })

  it('lowers a quoted mention once, and lets quotes: ignore drop it', () => {
    const [quoted] = lint("The word 'junkie' is hurtful.", {mentions: 'lower'})
    expect(quoted).toMatchObject({severity: 'warning', mention: true, inQuotation: true})
    expect(quoted?.message).toContain('(mentioned as a word)')
    expect(lint("The word 'junkie' is hurtful.", {mentions: 'lower', quotes: 'ignore'})).toEqual([])
    expect(lint('The word junkie is hurtful.', {mentions: 'lower', quotes: 'ignore'})).toHaveLength(1)
  })

  it('puts mention on the vfile message for unified callers', () => {
    const file = new VFile('The term addict is old.')
    const processor = unified().use(retextEnglish).use(retextStigma, {mentions: 'lower'})
    processor.runSync(processor.parse(file), file)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'addict', mention: true, fatal: undefined})
    expect(file.messages[0]?.reason).toContain('(mentioned as a word)')
  })

  it('treats a mention like a use under mentions: report, quotes still applying', () => {
    expect(lint('The word junkie is hurtful.', {mentions: 'report'})).toMatchObject([{severity: 'error', mention: false}])
    expect(lint("The word 'junkie' is hurtful.", {mentions: 'report'})).toMatchObject([{severity: 'warning', inQuotation: true, mention: false}])
  })
})

describe('mentions in Markdown and HTML', () => {
  it('reads quotation marks through emphasis and entities', async () => {
    const markdown = 'The word *“junkie”* hurts. The term **addict** is old. The junkie left.\n'
    expect(lintTree(await readProse(markdown, 'markdown'), markdown).map((finding) => finding.actual)).toEqual(['junkie'])
    const html = '<p>The word &ldquo;junkie&rdquo; hurts. The word <em>&ldquo;crackhead&rdquo;</em> too. The junkie left.</p>'
    expect(lintTree(await readProse(html, 'html'), html).map((finding) => finding.offset)).toEqual([html.lastIndexOf('junkie')])
  })

  it('takes a style guide table\'s "Avoid" column for words, and its other columns and other tables for prose', async () => {
    const markdown = [
      '| Avoid | Use instead | Why |',
      '| --- | --- | --- |',
      '| addict | person with an addiction | Junkies hear it every day. |',
      '| **Don’t say:** | Say |',
      '',
      '| Instead of | Use |',
      '| - | - |',
      '| committed suicide | died by suicide |',
      '',
      '| Name | Note |',
      '| - | - |',
      '| Ward 3 | the addicts’ ward |'
    ].join('\n')
    const actuals = async (options: StigmaOptions = {}) => lintTree(await readProse(markdown, 'markdown'), markdown, options).map((finding) => `${finding.actual} ${finding.severity}`)
    expect(await actuals()).toEqual(['Junkies error', 'addicts’ warning'])
    // Lowered one step (warning to info), as every mention is, and reported as used under `report`.
    expect(await actuals({mentions: 'lower'})).toEqual(['addict info', 'Junkies error', 'committed suicide info', 'addicts’ warning'])
    expect(await actuals({mentions: 'report'})).toEqual(['addict warning', 'Junkies error', 'committed suicide warning', 'addicts’ warning'])
  })

  it('does not read an HTML comment that closes before a list as an arrow', async () => {
    const markdown = '<!-- The.\n\nThe. -->\n\n* "An addict". The.\n* "An addict". The.\n'
    expect(lintTree(await readProse(markdown, 'markdown'), markdown).map((finding) => finding.offset)).toEqual([27, 47])
  })

  it('does the same for an HTML table, headed in its first row', async () => {
    const html =
      '<table><tr><th>Don&rsquo;t say:</th><th>Say</th></tr><tr><td>addict</td><td>person with an addiction; junkies hear it</td></tr></table>' +
      '<table><tr><th>Ward</th><th>Note</th></tr><tr><td>3</td><td>the addicts’ ward</td></tr></table>'
    const actuals = async (options: StigmaOptions = {}) => lintTree(await readProse(html, 'html'), html, options).map((finding) => finding.actual)
    expect(await actuals()).toEqual(['junkies', 'addicts’'])
    expect(await actuals({mentions: 'report'})).toEqual(['addict', 'junkies', 'addicts’'])
  })
})

describe('the mentions option', () => {
  it('is checked, merged and defaulted like the other single values', () => {
    expect(checkOptions({mentions: 'lower'}, new Set())).toEqual([])
    expect(checkOptions({mentions: 'hide'}, new Set())).toEqual([{path: 'mentions', message: 'must be one of "ignore", "lower", "report", got "hide"', allowed: ['ignore', 'lower', 'report'], value: 'hide'}])
    expect(resolveOptions({mentions: 'lower'}, {preset: 'strict'}, {mentions: 'report'}).mentions).toBe('report')
    expect(resolveOptions({}).mentions).toBe('ignore')
  })

  it('is refused by the plugin when invalid', () => {
    expect(() => lint('text', {mentions: 'never' as StigmaOptions['mentions']})).toThrow(/mentions: must be one of/)
  })
})
