import { PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';

/** Bytes a PDF writer may put between a stream's data and `endstream`. */
const isEndOfLine = (byte: number | undefined) => byte === 0x0a || byte === 0x0d;

/**
 * Gives back the bytes pdf-lib 1.17 cuts off streams whose `/Length` is an indirect object
 * (as LibreOffice writes them). It cannot resolve such a length while parsing, so it scans for
 * `endstream` and drops the line ending before it — and with it the data's own last byte
 * when that byte happens to be CR or LF, which truncates the compressed stream (qpdf then
 * warns "input stream is complete but output may still be valid"). Once the document is
 * loaded the length resolves; where it is longer than what was kept and the missing bytes
 * are line endings still present in the source, the stream is widened to its declared length.
 */
export function restoreIndirectStreamLengths(doc: PDFDocument): number {
  let restored = 0;
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const lengthEntry = object.dict.get(PDFName.of('Length'));
    if (!(lengthEntry instanceof PDFRef)) continue;
    const declared = doc.context.lookup(lengthEntry);
    if (!(declared instanceof PDFNumber)) continue;
    const { contents } = object;
    const missing = declared.asNumber() - contents.length;
    if (missing <= 0 || missing > 2 || contents.byteOffset + declared.asNumber() > contents.buffer.byteLength) continue;
    const widened = new Uint8Array(contents.buffer, contents.byteOffset, declared.asNumber());
    if (!widened.subarray(contents.length).every((byte) => isEndOfLine(byte))) continue;
    doc.context.assign(ref, PDFRawStream.of(object.dict, widened));
    restored += 1;
  }
  return restored;
}
