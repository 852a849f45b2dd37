import type { AnnexurePage, EvidenceManifestItem } from '../contract/pack-contract.js';
import { isDocumentEvidence } from './is-document-evidence.js';

/** One annexure section: the same shape as an entry of the manifest's `annexures`. */
export interface AnnexureSection {
  readonly section: string;
  readonly heading: string;
  /** Evidence kinds (`photo.exterior`) or families (`screenshot.*`), in print order. */
  readonly kinds: readonly string[];
}

/** The firm's order (REQUIREMENTS): exterior, interior, surroundings, GPS, screenshots, then documents. */
export const DEFAULT_ANNEXURE_SECTIONS: readonly AnnexureSection[] = [
  { section: 'photos-exterior', heading: 'Site Photographs — Exterior', kinds: ['photo.exterior'] },
  { section: 'photos-interior', heading: 'Site Photographs — Interior', kinds: ['photo.interior'] },
  { section: 'photos-surroundings', heading: 'Site Photographs — Surroundings', kinds: ['photo.surroundings'] },
  { section: 'photos-gps', heading: 'GPS Photographs', kinds: ['photo.gps'] },
  { section: 'screenshots', heading: 'Screenshots', kinds: ['screenshot.*'] },
  { section: 'documents', heading: 'Documents', kinds: ['document.*'] },
];

/** Evidence no section claims still prints, last, rather than vanish from the report. */
export const UNCLAIMED_SECTION: AnnexureSection = {
  section: 'other-evidence',
  heading: 'Other Evidence',
  kinds: ['photo.*', 'screenshot.*', 'document.*'],
};

type Shape = 'landscape' | 'portrait' | 'square';

/** Longest side, in pixels, at or under which an image counts as small (fits a quarter page). */
const SMALL_IMAGE_PX = 1280;

/**
 * Lays evidence out on annexure pages: sections in the given order, items in each section by
 * the order of its kinds and then the operator's order. Documents get a page each (1x1).
 * Images go 2–4 a page by aspect ratio: four portraits, squares or small images 2x2; a pair
 * with a landscape stacked 1x2; two portraits or squares side by side 2x1; three landscapes
 * left at the end of a section stacked 1x3; a last single image 1x1. Every page carries its
 * section's heading and no captions.
 */
export function layoutAnnexures(
  evidence: readonly EvidenceManifestItem[],
  sections: readonly AnnexureSection[] = DEFAULT_ANNEXURE_SECTIONS,
): AnnexurePage[] {
  const claimed = new Set<string>();
  const pages: AnnexurePage[] = [];
  for (const section of [...sections, UNCLAIMED_SECTION]) {
    const items = evidence
      .filter((item) => !claimed.has(item.id) && kindRank(section, item.kind) >= 0)
      .sort(
        (a, b) => kindRank(section, a.kind) - kindRank(section, b.kind) || a.order - b.order || compareText(a.id, b.id),
      );
    for (const item of items) claimed.add(item.id);
    const documents = items.filter(isDocumentEvidence);
    const images = items.filter((item) => !isDocumentEvidence(item));
    const page = (grid: AnnexurePage['grid'], group: readonly EvidenceManifestItem[]): AnnexurePage => ({
      section: section.section,
      heading: section.heading,
      grid,
      evidenceIds: group.map((item) => item.id),
    });
    for (const group of groupImages(images)) pages.push(page(group.grid, group.items));
    for (const document of documents) pages.push(page('1x1', [document]));
  }
  return pages;
}

function groupImages(
  images: readonly EvidenceManifestItem[],
): { grid: AnnexurePage['grid']; items: EvidenceManifestItem[] }[] {
  const groups: { grid: AnnexurePage['grid']; items: EvidenceManifestItem[] }[] = [];
  let index = 0;
  while (index < images.length) {
    const rest = images.slice(index);
    const four = rest.slice(0, 4);
    const three = rest.slice(0, 3);
    const two = rest.slice(0, 2);
    let group: { grid: AnnexurePage['grid']; items: EvidenceManifestItem[] };
    if (four.length === 4 && (four.every((item) => shapeOf(item) !== 'landscape') || four.every(isSmall))) {
      group = { grid: '2x2', items: four };
    } else if (rest.length === 3 && three.every((item) => shapeOf(item) === 'landscape')) {
      group = { grid: '1x3', items: three };
    } else if (two.length === 2) {
      group = { grid: two.some((item) => shapeOf(item) === 'landscape') ? '1x2' : '2x1', items: two };
    } else {
      group = { grid: '1x1', items: two };
    }
    groups.push(group);
    index += group.items.length;
  }
  return groups;
}

/** Camera photos without dimensions are treated as landscape, the usual way they are taken. */
function shapeOf(item: EvidenceManifestItem): Shape {
  if (!item.width || !item.height) return 'landscape';
  const ratio = item.width / item.height;
  if (ratio > 1.15) return 'landscape';
  if (ratio < 0.87) return 'portrait';
  return 'square';
}

function isSmall(item: EvidenceManifestItem): boolean {
  return !!item.width && !!item.height && Math.max(item.width, item.height) <= SMALL_IMAGE_PX;
}

/** Position of the first of the section's kinds that matches, or -1. */
function kindRank(section: AnnexureSection, kind: string): number {
  return section.kinds.findIndex((pattern) =>
    pattern.endsWith('.*') ? kind.startsWith(pattern.slice(0, -1)) : pattern === kind,
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
