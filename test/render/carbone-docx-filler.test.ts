import assert from 'node:assert/strict';
import JSZip from 'jszip';
import {
  buildDocx,
  CarboneDocxFiller,
  INDIAN_NUMBER_FORMATTERS,
  RENDER_ERROR_CODES,
} from '../../core/src/render/index.js';

async function documentText(docx: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('|');
}

describe('render: carbone DOCX filling', function () {
  this.timeout(20_000);
  const filler = new CarboneDocxFiller();
  after(() => filler.close());

  it('groups amounts the Indian way and leaves text such as NA alone', () => {
    const { formatIndian, formatRupees } = INDIAN_NUMBER_FORMATTERS;
    assert.equal(formatRupees(12345678), '₹1,23,45,678');
    assert.equal(formatRupees(-150000.5, '2'), '-₹1,50,000.50');
    assert.equal(formatIndian('9876543.219', '2'), '98,76,543.22');
    assert.equal(formatIndian('NA'), 'NA');
    assert.equal(formatRupees(null), null);
  });

  it('fills tags, row loops and the Indian formatters in a built template', async () => {
    const template = await buildDocx({
      blocks: [
        { kind: 'paragraph', runs: 'Value {d.value:formatRupees} for {d.owner}' },
        {
          kind: 'table',
          widths: [1, 1],
          rows: [
            { cells: ['{d.rooms[i].name}', '{d.rooms[i].area:formatIndian(1)}'] },
            { cells: ['{d.rooms[i+1].name}', ''] },
          ],
        },
      ],
    });
    const text = await documentText(
      await filler.fill(template, {
        value: 45000000,
        owner: 'A & B <Co>',
        rooms: [
          { name: 'Hall', area: 123456.78 },
          { name: 'Bed', area: 98 },
        ],
      }),
    );
    assert.ok(
      text.includes('Value ₹4,50,00,000 for A & B <Co>') ||
        text.includes('Value ₹4,50,00,000 for A &amp; B &lt;Co&gt;'),
      text,
    );
    assert.ok(text.includes('Hall|1,23,456.8|Bed|98.0'), text);
  });

  it("does not keep carbone's signal handlers, which would swallow Ctrl-C", async () => {
    await filler.fill(await buildDocx({ blocks: [{ kind: 'paragraph', runs: '{d.x}' }] }), { x: 1 });
    const host: NodeJS.EventEmitter = process;
    for (const event of ['SIGINT', 'SIGHUP', 'SIGQUIT', 'exit']) {
      const carbones = host.listeners(event).filter((listener) => String(listener).includes('converter.exit'));
      assert.deepEqual(carbones, [], `no carbone ${event} listener`);
    }
  });

  it('reports a template carbone cannot read as RENDER_TEMPLATE_INVALID', async () => {
    await assert.rejects(filler.fill(Buffer.from('PK\u0003\u0004 broken zip'), {}), {
      code: RENDER_ERROR_CODES.templateInvalid,
    });
  });
});
