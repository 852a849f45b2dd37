import { PDFDict, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';

/** Whether a page paints with the DRAFT watermark's translucency (the stamper's only use of opacity). */
export function hasTranslucentText(doc: PDFDocument, index: number): boolean {
  const resources = doc.getPage(index).node.Resources();
  const states = resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  if (!states) return false;
  return states.keys().some((key) => {
    const state = states.lookupMaybe(key, PDFDict);
    const opacity = state?.lookupMaybe(PDFName.of('ca'), PDFNumber);
    return opacity !== undefined && opacity.asNumber() < 1;
  });
}
