/** How a person refers to an invoice: the host has no invoice numbers, so its id's first block. */
export function invoiceLabel(invoiceId: string | null | undefined): string {
  return invoiceId ? `INV-${invoiceId.slice(0, 8).toUpperCase()}` : 'the report’s invoice';
}
