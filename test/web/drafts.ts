/** A short press release with findings of several kinds, one of them in a quotation. */
export const draft = `Council expands drug and alcohol support

The city council today announced £2.4 million for outreach workers who will support addicts and the homeless in the city centre.

Councillor Jane Moss said the service would "help addicts off the streets". She added that substance abuse services had been cut for a decade, and that an addict is more than a label.

A man who committed suicide last year had asked for help twice.`

const paragraphs = [
  'The city council today announced £2.4 million for outreach workers who will support addicts and the homeless in the city centre. The service opens in the spring and will run seven days a week from the library on Market Street.',
  'Councillor Jane Moss said the money would "meet people where they are". She added that substance abuse services had been cut for a decade, and that waiting lists for treatment had doubled over the same period.',
  'The National Institute on Drug Abuse and two local charities will help evaluate the programme. People who use drugs were consulted on its design through a series of open meetings held over the summer.',
  'Figures published last month show that an addict in the city waits eleven weeks on average for a first appointment. The new team aims to cut that to two weeks by the end of next year.',
  'Outreach workers will carry naloxone and offer testing for hepatitis C. They will also help people register with a doctor, find housing advice and apply for the benefits they are entitled to.',
  'A local mother whose son committed suicide in 2021 welcomed the plans, saying early help might have changed his story. The council will work with the Samaritans on training for all new staff.',
  'Businesses in the city centre have been invited to a briefing on the service. The council said the homeless were among the first to be asked what would help, and that their answers shaped the opening hours.',
  'Further details, including how to refer someone to the team, will be published on the council website in the coming weeks. Journalists with questions should contact the press office.'
]

/**
 * A long release made of the paragraphs above, repeated until it has at least `words` words
 * (about 500 words make a page).
 *
 * @param words - The smallest number of words.
 * @returns The release.
 */
export function longRelease(words: number): string {
  const out: string[] = ['Council expands drug and alcohol support']
  let count = 6
  for (let index = 0; count < words; index++) {
    const paragraph = paragraphs[index % paragraphs.length] as string
    out.push(paragraph)
    count += paragraph.split(/\s+/).length
  }
  return out.join('\n\n')
}
