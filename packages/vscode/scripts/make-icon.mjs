// Draws the extension's icon (128×128 PNG) from a few shapes, so no image file is kept in the repository.
import {writeFileSync} from 'node:fs'
import {deflateSync} from 'node:zlib'

const size = 128
const teal = [15, 118, 110]
const white = [255, 255, 255]
const amber = [245, 158, 11]

/** Inside a rectangle with rounded corners. */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius)
  const cy = Math.min(Math.max(y, top + radius), bottom - radius)
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** Inside a triangle, by the signs of the three edge functions. */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by)
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy)
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}

/** The colour at a point, or undefined outside the icon: a speech bubble of text lines, one flagged. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0, 0, size, size, 24)) return undefined
  const bubble = inRoundedRect(x, y, 20, 26, 108, 86, 14) || inTriangle(x, y, [34, 84], [54, 84], [28, 104])
  if (!bubble) return teal
  if (inRoundedRect(x, y, 34, 40, 94, 47, 3.5)) return teal
  if (inRoundedRect(x, y, 34, 53, 62, 60, 3.5)) return teal
  if (inRoundedRect(x, y, 67, 53, 94, 60, 3.5)) return amber
  if (inRoundedRect(x, y, 34, 66, 80, 73, 3.5)) return teal
  return white
}

/** RGBA pixels, each averaged over 4×4 samples for smooth edges. */
function pixels() {
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = [0]
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const colour = colourAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)
          if (!colour) continue
          for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel]
          sum[3] += 1
        }
      const covered = sum[3]
      row.push(...(covered ? sum.slice(0, 3).map((value) => Math.round(value / covered)) : [0, 0, 0]), Math.round((covered / 16) * 255))
    }
    rows.push(...row)
  }
  return Buffer.from(rows)
}

const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let crc = 0xffffffff
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * Write the icon as a PNG file.
 *
 * @param {string} path - Where to write it.
 */
export function writeIcon(path) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels())), chunk('IEND', Buffer.alloc(0))])
  writeFileSync(path, png)
}
