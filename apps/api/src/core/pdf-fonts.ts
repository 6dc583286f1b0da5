import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc: TrueType
 * outlines that pdfkit subsets, so a PDF embeds only the glyphs it uses (a few hundred KB at most). Every PDF
 * the server writes (monthly reports, documents) takes its fonts from here.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
let fonts: { regular: Buffer; bold: Buffer } | null = null;
export function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(require.resolve(FONT_FILES.regular)),
    bold: fs.readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

/**
 * A new A4 PDF with the CJK faces registered as `regular` and `bold`, and the promise of its bytes once
 * `doc.end()` is called: every PDF the server writes starts here.
 */
export function openPdf(options: PDFKit.PDFDocumentOptions) {
  const f = loadFonts();
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  return { doc, done };
}
