// The CJK font every generated PDF embeds (activity calendar, certificates). It ships in an npm package, so it is
// resolved through the package (any install layout works) and read once per process.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

let fontCache: Buffer | null = null;

/** Noto Sans SC (NotoSansHans-Regular.otf) as bytes for pdfkit's registerFont. */
export function cjkFont(): Buffer {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@embedpdf/fonts-sc');
    fontCache = fs.readFileSync(path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontCache;
}
