import type { DocxAlign, DocxBlock, DocxRun, DocxSpec } from '@repogen/core';
import type { SbiTemplateSource } from './sbi-template-source.js';

/**
 * The co-operative bank report (one format for every co-op bank; only `addressee.bank` changes):
 * the SBI document — covering letter, general, site, Parts A–F or the flat sections, value of
 * the property, declaration, checklists, annexures — taken from the SBI spec, not copied, with
 * the co-op differences: no valuation summary table on the covering letter (the value adopted
 * and the fair market value are stated in a sentence), the market land rate is the computed
 * `marketLandRatePerSqm` (adopted ÷ the factor), and the total abstract shows the adopted and
 * market columns of `d.values.abstractRows` with their totals and the value adopted and fair
 * market value as the pack rounds them up. The factor and the step printed are the values
 * `adoptedToMarketFactor` and `totalRoundUpStepRupees`, the settings in force, so a tenant's
 * settings never contradict the text.
 */
export function coopReportSpec(sbi: SbiTemplateSource): DocxSpec {
  const { input, paragraph, RUPEES, TWO_DP, value } = sbi;
  const summaryHeading = 'VALUATION SUMMARY';
  const abstractHeading = 'TOTAL ABSTRACT OF THE ENTIRE PROPERTY';
  const methodHeading = 'METHOD OF VALUATION AND REMARKS';
  const sbiSubtitle = 'State Bank of India — Format';
  const sbiEnclosure = 'Valuation report (Format A / Format C)';

  function text(runs: DocxRun | readonly DocxRun[]): string {
    if (typeof runs === 'string') return runs;
    if ('text' in runs) return runs.text;
    return runs.map((run) => text(run)).join('');
  }

  function indexOfHeading(blocks: readonly DocxBlock[], heading: string): number {
    const at = blocks.findIndex(
      (block) =>
        (block.kind === 'heading' && block.text === heading) ||
        (block.kind === 'paragraph' && text(block.runs) === heading),
    );
    if (at === -1) throw new Error(`the SBI spec lacks the heading ${heading}`);
    return at;
  }

  const coverValues: DocxBlock = paragraph(
    [
      'The value adopted is ',
      { text: `${value('adoptedValueDisplay')} (${value('adoptedValueWords')})`, bold: true },
      ', and the present fair market value is ',
      { text: `${value('fairMarketValueDisplay')} (${value('fairMarketValueWords')})`, bold: true },
      '.',
    ],
    'both',
  );

  const subtitle: DocxBlock = {
    kind: 'paragraph',
    style: 'Subtitle',
    runs: `${input('addressee.bank')} — co-operative bank format · Ref. ${input('reportMeta.refNo')} · ${value('reportDateDisplay')}`,
  };

  const money: readonly DocxAlign[] = ['left', 'right', 'right'];
  const abstract: readonly DocxBlock[] = [
    {
      kind: 'table',
      widths: [8, 4.5, 4.5],
      rows: [
        { header: true, cells: ['Particulars', 'Adopted (₹)', 'Market (₹)'], align: money },
        {
          cells: [
            value('abstractRows[i].part'),
            value('abstractRows[i].adopted', RUPEES),
            value('abstractRows[i].market', RUPEES),
          ],
          align: money,
        },
        { cells: [value('abstractRows[i+1].part'), '', ''], align: money },
        { bold: true, cells: ['Total', value('adoptedTotal', RUPEES), value('marketTotal', RUPEES)], align: money },
        {
          bold: true,
          cells: [
            'Say (totals rounded up): value adopted / fair market value',
            value('adoptedValueDisplay'),
            value('fairMarketValueDisplay'),
          ],
          align: money,
        },
      ],
    },
    paragraph(
      [
        'Value adopted: ',
        { text: `${value('adoptedValueDisplay')} (${value('adoptedValueWords')})`, bold: true },
        '. Fair market value: ',
        { text: `${value('fairMarketValueDisplay')} (${value('fairMarketValueWords')})`, bold: true },
        '. Each market figure is the adopted figure divided by the adopted-to-market factor of ' +
          `${value('adoptedToMarketFactor', TWO_DP)}, part by part; both totals are rounded up to the next ` +
          `${value('totalRoundUpStepRupees', RUPEES)}.`,
      ],
      'both',
    ),
  ];

  function coopBlocks(): DocxBlock[] {
    // The market land rate is computed by the co-op pack, not typed as in SBI's input.
    const retagged = JSON.parse(
      JSON.stringify(sbi.SBI_REPORT_SPEC.blocks)
        .replaceAll('{d.input.partA_land.marketRatePerSqm', '{d.values.marketLandRatePerSqm')
        .replaceAll(sbiEnclosure, 'Valuation report (co-operative bank format)'),
    ) as DocxBlock[];
    const blocks = retagged.map((block) =>
      block.kind === 'paragraph' && text(block.runs).startsWith(sbiSubtitle) ? subtitle : block,
    );
    const summary = indexOfHeading(blocks, summaryHeading);
    const abstractAt = indexOfHeading(blocks, abstractHeading);
    const methodAt = indexOfHeading(blocks, methodHeading);
    return [
      // The summary heading and its values table give way to one sentence.
      ...blocks.slice(0, summary),
      coverValues,
      ...blocks.slice(summary + 2, abstractAt + 1),
      ...abstract,
      ...blocks.slice(methodAt),
    ];
  }

  return {
    ...sbi.SBI_REPORT_SPEC,
    title: 'Co-operative bank valuation report',
    blocks: coopBlocks(),
  };
}
