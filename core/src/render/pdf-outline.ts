import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';

export interface OutlineEntry {
  readonly title: string;
  readonly page: PDFPage;
}

/**
 * Appends top-level bookmarks to a document's outline, keeping the ones already there (the
 * headings LibreOffice exported). pdf-lib 1.17 has no outline API, so the dictionaries of
 * ISO 32000-1 §12.3.3 are written directly.
 */
export function appendOutlineEntries(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const existingRef = doc.catalog.get(PDFName.of('Outlines'));
  let rootRef: PDFRef;
  let root: PDFDict;
  if (existingRef instanceof PDFRef && context.lookup(existingRef) instanceof PDFDict) {
    rootRef = existingRef;
    root = context.lookup(existingRef, PDFDict);
  } else {
    root = context.obj({ Type: 'Outlines', Count: 0 });
    rootRef = context.register(root);
    doc.catalog.set(PDFName.of('Outlines'), rootRef);
  }

  const itemRefs = entries.map(() => context.nextRef());
  let previousRef = root.get(PDFName.of('Last'));
  if (previousRef instanceof PDFRef) {
    context.lookup(previousRef, PDFDict).set(PDFName.of('Next'), itemRefs[0] as PDFRef);
  } else {
    previousRef = undefined;
    root.set(PDFName.of('First'), itemRefs[0] as PDFRef);
  }
  entries.forEach((entry, index) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), rootRef);
    item.set(PDFName.of('Dest'), context.obj([entry.page.ref, PDFName.of('Fit')]));
    if (previousRef instanceof PDFRef) item.set(PDFName.of('Prev'), previousRef);
    const nextRef = itemRefs[index + 1];
    if (nextRef) item.set(PDFName.of('Next'), nextRef);
    const ref = itemRefs[index] as PDFRef;
    context.assign(ref, item);
    previousRef = ref;
  });
  root.set(PDFName.of('Last'), itemRefs[itemRefs.length - 1] as PDFRef);
  const count = root.get(PDFName.of('Count'));
  const visible = count instanceof PDFNumber ? Math.abs(count.asNumber()) : 0;
  root.set(PDFName.of('Count'), PDFNumber.of(visible + entries.length));
}

/**
 * Drops a top-level bookmark whose title repeats the one before it: an annexure section that runs
 * over several pages repeats its heading on each, and LibreOffice exports each as a bookmark, so
 * a reader would otherwise see "SITE IMAGES" three times. The first of the run is kept.
 */
export function mergeRepeatedOutlineEntries(doc: PDFDocument): void {
  const rootRef = doc.catalog.get(PDFName.of('Outlines'));
  if (!(rootRef instanceof PDFRef)) return;
  const root = doc.context.lookup(rootRef, PDFDict);
  let keptRef = root.get(PDFName.of('First'));
  if (!(keptRef instanceof PDFRef)) return;
  let removed = 0;
  const seen = new Set<PDFRef>([keptRef]);
  for (;;) {
    const kept: PDFDict = doc.context.lookup(keptRef, PDFDict);
    const nextRef: unknown = kept.get(PDFName.of('Next'));
    if (!(nextRef instanceof PDFRef) || seen.has(nextRef)) break;
    seen.add(nextRef);
    const next = doc.context.lookup(nextRef, PDFDict);
    if (titleOf(kept) === undefined || titleOf(kept) !== titleOf(next)) {
      keptRef = nextRef;
      continue;
    }
    // Unlink `next`: its successor (if any) follows `kept` directly.
    const afterRef = next.get(PDFName.of('Next'));
    if (afterRef instanceof PDFRef) {
      kept.set(PDFName.of('Next'), afterRef);
      doc.context.lookup(afterRef, PDFDict).set(PDFName.of('Prev'), keptRef);
    } else {
      kept.delete(PDFName.of('Next'));
      root.set(PDFName.of('Last'), keptRef);
    }
    removed += 1 + openDescendants(next);
  }
  const count = root.get(PDFName.of('Count'));
  if (removed > 0 && count instanceof PDFNumber) root.set(PDFName.of('Count'), PDFNumber.of(Math.max(0, count.asNumber() - removed)));
}

function titleOf(item: PDFDict): string | undefined {
  const title = item.get(PDFName.of('Title'));
  return title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : undefined;
}

/** How many visible descendants an item counts (its /Count when open, ISO 32000-1 §12.3.3). */
function openDescendants(item: PDFDict): number {
  const count = item.get(PDFName.of('Count'));
  return count instanceof PDFNumber && count.asNumber() > 0 ? count.asNumber() : 0;
}

/** The titles of the top-level bookmarks, in order (for tests and checks). */
export function readOutlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const rootRef = doc.catalog.get(PDFName.of('Outlines'));
  if (!(rootRef instanceof PDFRef)) return titles;
  let itemRef = doc.context.lookup(rootRef, PDFDict).get(PDFName.of('First'));
  const seen = new Set<PDFRef>();
  while (itemRef instanceof PDFRef && !seen.has(itemRef)) {
    seen.add(itemRef);
    const item = doc.context.lookup(itemRef, PDFDict);
    const title = item.get(PDFName.of('Title'));
    if (title instanceof PDFHexString || title instanceof PDFString) titles.push(title.decodeText());
    itemRef = item.get(PDFName.of('Next'));
  }
  return titles;
}
