// Test helper: the text of a PDF written by pdfkit with an embedded font, without poppler. pdfkit draws text as
// hex glyph codes in Flate-compressed content streams and maps the codes back to Unicode in a ToUnicode CMap;
// this reads both. Enough for asserting what a certificate says, not a general PDF parser.
import zlib from 'node:zlib';

function streams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (images are DCT/raw): no text in it.
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

function unicodeOf(hex: string): string {
  const codes: number[] = [];
  for (let i = 0; i < hex.length; i += 4) codes.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...codes);
}

/** All ToUnicode maps merged (one font here, so codes do not clash). */
function toUnicode(cmaps: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const c of cmaps) {
    for (const block of c.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const lo = parseInt(line[1], 16);
        const hi = parseInt(line[2], 16);
        if (line[3].startsWith('[')) {
          [...line[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((v, i) => map.set(lo + i, unicodeOf(v[1])));
        } else {
          const base = parseInt(line[3].slice(1, -1), 16);
          for (let code = lo; code <= hi; code++) map.set(code, String.fromCharCode(base + code - lo));
        }
      }
    }
    for (const block of c.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(line[1], 16), unicodeOf(line[2]));
    }
  }
  return map;
}

/** The text of every TJ / Tj operator, one line each, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = toUnicode(all.filter((s) => s.includes('begincmap')));
  const lines: string[] = [];
  for (const content of all.filter((s) => /\bBT\b/.test(s) && !s.includes('begincmap'))) {
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[2]];
      let line = '';
      for (const h of hexes) for (let i = 0; i < h.length; i += 4) line += map.get(parseInt(h.slice(i, i + 4), 16)) ?? '?';
      lines.push(line);
    }
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
