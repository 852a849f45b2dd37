import assert from 'node:assert/strict';
import type { EvidenceManifestItem } from '../contract/pack-contract.js';
import { layoutAnnexures } from './layout-annexures.js';

let counter = 0;
function item(kind: string, shape: 'landscape' | 'portrait' | 'small' | 'pdf', order = counter): EvidenceManifestItem {
  counter += 1;
  const size = { landscape: [4000, 3000], portrait: [3000, 4000], small: [1200, 900], pdf: [0, 0] }[shape];
  return {
    id: `${kind}-${counter}`,
    kind,
    mime: shape === 'pdf' ? 'application/pdf' : 'image/jpeg',
    size: 1000,
    ...(shape === 'pdf' ? {} : { width: size[0], height: size[1] }),
    order,
  };
}

describe('layoutAnnexures', () => {
  it('orders sections exterior → interior → surroundings → GPS → screenshots → documents', () => {
    const evidence = [
      item('document.sale_deed', 'pdf'),
      item('screenshot.guideline_value', 'portrait'),
      item('photo.gps', 'landscape'),
      item('photo.surroundings', 'landscape'),
      item('photo.interior', 'landscape'),
      item('photo.exterior', 'landscape'),
    ];
    const sections = layoutAnnexures(evidence).map((page) => page.section);
    assert.deepEqual(sections, [
      'photos-exterior',
      'photos-interior',
      'photos-surroundings',
      'photos-gps',
      'screenshots',
      'documents',
    ]);
  });

  it('stacks two landscapes, puts portraits side by side, four small ones 2x2, documents alone', () => {
    const evidence = [
      item('photo.exterior', 'landscape', 0),
      item('photo.exterior', 'landscape', 1),
      item('photo.interior', 'portrait', 0),
      item('photo.interior', 'portrait', 1),
      item('photo.surroundings', 'small', 0),
      item('photo.surroundings', 'small', 1),
      item('photo.surroundings', 'small', 2),
      item('photo.surroundings', 'small', 3),
      item('document.sale_deed', 'pdf', 0),
      item('document.approved_plan', 'pdf', 1),
    ];
    const pages = layoutAnnexures(evidence);
    assert.deepEqual(
      pages.map((page) => [page.section, page.grid, page.evidenceIds.length]),
      [
        ['photos-exterior', '1x2', 2],
        ['photos-interior', '2x1', 2],
        ['photos-surroundings', '2x2', 4],
        ['documents', '1x1', 1],
        ['documents', '1x1', 1],
      ],
    );
    assert.ok(pages.every((page) => page.heading.length > 0));
  });

  it('follows the operator order, stacks three trailing landscapes and keeps an odd one alone', () => {
    const a = item('photo.exterior', 'landscape', 2);
    const b = item('photo.exterior', 'landscape', 0);
    const c = item('photo.exterior', 'landscape', 1);
    const d = item('photo.interior', 'landscape', 0);
    const pages = layoutAnnexures([a, b, c, d]);
    assert.deepEqual(pages[0], {
      section: 'photos-exterior',
      heading: 'Site Photographs — Exterior',
      grid: '1x3',
      evidenceIds: [b.id, c.id, a.id],
    });
    assert.deepEqual(pages[1]?.grid, '1x1');
  });

  it('prints evidence no section claims at the end', () => {
    const pages = layoutAnnexures(
      [item('photo.drone', 'landscape')],
      [{ section: 'exterior', heading: 'Exterior', kinds: ['photo.exterior'] }],
    );
    assert.equal(pages[0]?.section, 'other-evidence');
  });
});
