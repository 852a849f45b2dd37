/**
 * Escapes text for an XML text node or a double-quoted attribute value. Apostrophes stay as
 * they are: carbone formatter arguments are single-quoted (`{d.x:ifEQ('a'):show('b')}`) and
 * its parser reads them literally.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Reverses `escapeXml` and the numeric references Word and carbone write. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity: string, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
