import assert from 'node:assert/strict';
import { PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';
import { restoreIndirectStreamLengths } from '@repogen/core';

/**
 * A minimal PDF as LibreOffice writes its streams: the length is an indirect object defined
 * after the stream, and the data's last byte is a carriage return.
 */
function pdfWithIndirectLength(data: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length 5 0 R >>\nstream\n${data}\nendstream`,
    String(Buffer.byteLength(data)),
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function contentsOf(doc: PDFDocument): Uint8Array {
  const stream = doc.context.lookup(PDFRef.of(4));
  assert.ok(stream instanceof PDFRawStream);
  return stream.contents;
}

describe('render: stream lengths pdf-lib cuts short', () => {
  it('gives back the last byte of a stream whose data ends with a carriage return', async () => {
    const data = '0 0 m 10 10 l S\r';
    const doc = await PDFDocument.load(pdfWithIndirectLength(data));
    assert.equal(contentsOf(doc).length, data.length - 1, 'pdf-lib 1.17 drops the final CR (if this fails, the workaround may go)');
    assert.equal(restoreIndirectStreamLengths(doc), 1);
    assert.equal(Buffer.from(contentsOf(doc)).toString('latin1'), data);
  });

  it('leaves streams alone whose length already matches', async () => {
    const doc = await PDFDocument.load(pdfWithIndirectLength('0 0 m 10 10 l S'));
    assert.equal(restoreIndirectStreamLengths(doc), 0);
    assert.equal(contentsOf(doc).length, '0 0 m 10 10 l S'.length);
  });
});
