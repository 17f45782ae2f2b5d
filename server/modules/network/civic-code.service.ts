// 文明码 files: a site's QR code as SVG or PNG, and an A4 PDF with one poster per site for printing.
// The QR encodes the site's public URL (PUBLIC_BASE_URL/c/<token>); nothing here touches the database.
import type QRCodeModule from 'qrcode';
import { siteKindLabel } from '../../../common/network';
import { cjkFont } from '../../platform/pdf-fonts';

// Medium error correction survives a scuffed poster while keeping modules large enough to scan from afar.
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

// qrcode and pdfkit load on first use: they cost about a third of a second at start-up otherwise.
type QRCodeLib = typeof QRCodeModule;
const loadQr = async (): Promise<QRCodeLib> => (await import('qrcode')).default;
const loadPdfKit = async () => (await import('pdfkit')).default;

export async function civicCodeSvg(url: string): Promise<string> {
  const QRCode = await loadQr();
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

export async function civicCodePng(url: string): Promise<Buffer> {
  const QRCode = await loadQr();
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 640 });
}

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function attachmentHeader(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A file name without characters that file systems or headers refuse. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80) || 'file';
}


export type PosterSite = { name: string; kind: string; unitName: string; address: string; url: string };

const A4 = { width: 595.28, height: 841.89 };
const RED = '#c8161d';
const INK = '#1f1f1f';
const GREY = '#595959';

/** Draws the QR as filled squares (vector: sharp at any print size), merging horizontal runs. */
function drawQr(QRCode: QRCodeLib, doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      // A hair of overlap avoids white seams between cells in some viewers.
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell + 0.2, cell + 0.2);
    }
  }
  doc.fill('#000000');
}

function drawPoster(QRCode: QRCodeLib, doc: PDFKit.PDFDocument, site: PosterSite, footer: string): void {
  const margin = 56;
  const width = A4.width - margin * 2;
  doc.rect(0, 0, A4.width, 110).fill(RED);
  doc.fillColor('#ffffff').fontSize(30).text('新时代文明实践 · 文明码', margin, 38, { width, align: 'center' });

  doc.fillColor(INK).fontSize(site.name.length > 18 ? 22 : 28).text(site.name, margin, 140, { width, align: 'center' });
  doc.fillColor(GREY).fontSize(14).text(`${site.unitName} · ${siteKindLabel(site.kind)}`, { width, align: 'center' });

  const qrSize = 300;
  const qrY = 260;
  drawQr(QRCode, doc, site.url, (A4.width - qrSize) / 2, qrY, qrSize);

  doc.fillColor(RED).fontSize(22).text('微信扫一扫，查看阵地信息、点单服务', margin, qrY + qrSize + 24, { width, align: 'center' });
  doc.fillColor(GREY).fontSize(12).text('也可用手机浏览器扫码或输入以下网址', { width, align: 'center' });
  doc.fillColor(INK).fontSize(11).text(site.url, { width, align: 'center' });
  if (site.address) doc.fillColor(GREY).fontSize(12).moveDown(1).text(`地址：${site.address}`, { width, align: 'center' });

  doc.fillColor(GREY).fontSize(10).text(footer, margin, A4.height - 60, { width, align: 'center', lineBreak: false });
}

/** One A4 page per site: title, site name, unit, the QR and short instructions. No sites → one page that says so. */
export async function civicCodeSheetPdf(sitesToPrint: PosterSite[], opts: { title: string; footer: string }): Promise<Buffer> {
  const [QRCode, PDFDocument] = await Promise.all([loadQr(), loadPdfKit()]);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: opts.title, Creator: 'Wenming' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    if (sitesToPrint.length === 0) {
      doc.addPage().font('cjk').fontSize(18).fillColor(INK).text(`${opts.title}：没有可打印的阵地`, 56, 120, { width: A4.width - 112 });
    }
    for (const site of sitesToPrint) {
      doc.addPage().font('cjk');
      drawPoster(QRCode, doc, site, opts.footer);
    }
    doc.end();
  });
}
