import type {readProse} from '@destigma/formats'

/** A document's prose as the format readers give it (an nlcst tree with offsets into the source). */
export type Prose = Awaited<ReturnType<typeof readProse>>
