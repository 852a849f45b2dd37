import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { PackManifest } from '../manifest/pack-manifest.generated.js';
import { PackArchiveError, readPackArchive } from './read-pack-archive.js';
import { canonicalJson, sha256, writePackArchive } from './write-pack-archive.js';

const manifest: PackManifest & { name: string; version: string } = {
  role: 'pack',
  key: 'TEST_PACK_V1',
  family: 'valuation',
  title: 'Test pack',
  sdk: '^0.1.0',
  scope: { kind: 'global' },
  templates: [],
  annexures: [],
  evidence: { required: [] },
  selection: { priority: 1 },
  credits: 1,
  name: '@repogen-pack/test-pack-v1',
  version: '1.0.0',
};

const files = new Map<string, Buffer>([
  ['logic.js', Buffer.from('globalThis.__repogenPack = { invoke() { return "{}"; } };\n')],
  ['schema.json', Buffer.from('{"type":"object"}')],
  ['fixtures/a.input.json', Buffer.from('{}')],
]);

/** A hand-made ustar archive, so tests can hold what no honest builder writes. */
function rawTar(entries: { path: string; content?: Buffer; type?: string; linkname?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.content ?? Buffer.alloc(0);
    const header = Buffer.alloc(512);
    header.write(entry.path, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(content.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write(entry.type ?? '0', 156);
    header.write(entry.linkname ?? '', 157, 100);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks));
}

function manifestWith(listed: Map<string, Buffer>): Buffer {
  return Buffer.from(canonicalJson({ ...manifest, files: Object.fromEntries([...listed].map(([p, b]) => [p, sha256(b)])) }));
}

async function refused(bytes: Buffer, code: string, pattern?: RegExp) {
  await assert.rejects(readPackArchive(bytes), (error: unknown) => {
    assert.ok(error instanceof PackArchiveError, String(error));
    assert.equal(error.code, code);
    if (pattern) assert.match(`${error.message} ${JSON.stringify(error.problems)}`, pattern);
    return true;
  });
}

describe('pack archives', () => {
  it('round-trips deterministically: the same content gives the same bytes and digest', async () => {
    const first = await writePackArchive(manifest, files);
    const second = await writePackArchive(manifest, new Map([...files].reverse()));
    assert.deepEqual(first.bytes, second.bytes);
    assert.equal(first.digest, second.digest);
    const archive = await readPackArchive(first.bytes);
    assert.equal(archive.digest, first.digest);
    assert.equal(archive.manifest.key, 'TEST_PACK_V1');
    assert.deepEqual([...archive.files.keys()].sort(), [...files.keys()].sort());
  });

  it('changes the digest when any file changes', async () => {
    const changed = new Map(files).set('schema.json', Buffer.from('{"type":"object","title":"x"}'));
    assert.notEqual((await writePackArchive(manifest, files)).digest, (await writePackArchive(manifest, changed)).digest);
  });

  it('refuses a file whose bytes do not match the manifest', async () => {
    const listed = new Map(files);
    const bytes = rawTar([
      { path: 'manifest.json', content: manifestWith(listed) },
      { path: 'logic.js', content: Buffer.from('tampered') },
      { path: 'schema.json', content: files.get('schema.json')! },
      { path: 'fixtures/a.input.json', content: files.get('fixtures/a.input.json')! },
    ]);
    await refused(bytes, 'PACK_ARCHIVE_INVALID', /sha256 does not match/);
  });

  it('refuses files missing from, or extra to, the manifest', async () => {
    const listed = new Map(files);
    await refused(
      rawTar([
        { path: 'manifest.json', content: manifestWith(listed) },
        { path: 'logic.js', content: files.get('logic.js')! },
        { path: 'schema.json', content: files.get('schema.json')! },
      ]),
      'PACK_ARCHIVE_INVALID',
      /missing from the archive/,
    );
    await refused(
      rawTar([
        { path: 'manifest.json', content: manifestWith(listed) },
        ...[...files].map(([path, content]) => ({ path, content })),
        { path: 'assets/extra.png', content: Buffer.from('x') },
      ]),
      'PACK_ARCHIVE_INVALID',
      /not listed/,
    );
  });

  for (const path of ['../escape.js', '/etc/passwd', 'templates/../../x', 'node_modules/x.js', 'templates/a\\b.docx']) {
    it(`refuses the unsafe path ${path}`, async () => {
      await refused(rawTar([{ path, content: Buffer.from('x') }]), 'PACK_ARCHIVE_INVALID', /not an allowed archive path/);
    });
  }

  it('refuses symbolic and hard links', async () => {
    await refused(rawTar([{ path: 'templates/link.docx', type: '2', linkname: '/etc/passwd' }]), 'PACK_ARCHIVE_INVALID', /only regular files/);
    await refused(rawTar([{ path: 'templates/hard.docx', type: '1', linkname: 'logic.js' }]), 'PACK_ARCHIVE_INVALID', /only regular files/);
  });

  it('stops a gzip bomb at the uncompressed cap', async () => {
    const huge = Buffer.alloc(25 * 1024 * 1024);
    const bytes = rawTar([{ path: 'assets/a.bin', content: huge }]);
    assert.ok(bytes.length < 1024 * 1024, 'the bomb itself is small');
    await refused(bytes, 'PACK_ARCHIVE_TOO_LARGE');
  });

  it('refuses bytes that are not a gzipped tar, and an archive without a manifest', async () => {
    await assert.rejects(readPackArchive(Buffer.from('<html>not a pack</html>')), PackArchiveError);
    await refused(rawTar([{ path: 'logic.js', content: Buffer.from('x') }]), 'PACK_ARCHIVE_INVALID', /no manifest/);
  });

  it('refuses a manifest that does not match the schema, naming the field', async () => {
    const bad = Buffer.from(JSON.stringify({ ...manifest, key: 'lower_case', files: {} }));
    await refused(rawTar([{ path: 'manifest.json', content: bad }]), 'PACK_MANIFEST_INVALID', /\/key/);
  });
});
