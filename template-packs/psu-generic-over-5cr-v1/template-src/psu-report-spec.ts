import type { DocxBlock, DocxRun, DocxSpec } from '@repogen/core';
import type { SbiTemplateSource } from './sbi-template-source.js';

/**
 * The PSU generic report (SBI above ₹5 crore, BOI, other public-sector banks; DOMAIN §2
 * background): the SBI document — covering letter and valuation summary (pages 1–2), general,
 * site, Parts A–F or the flat sections, abstract, declaration, checklists, annexures — with the
 * longer format's groups before the total abstract: plinth, carpet and saleable areas per floor,
 * town planning (zoning, FSI and ground coverage permitted against consumed, setbacks, height)
 * and the location map with the neighbourhood. The SBI blocks are taken from the SBI spec, not
 * copied, so both formats print the shared pages identically.
 */
export function psuReportSpec(sbi: SbiTemplateSource): DocxSpec {
  const { areaSqm, formTable, heading, input, item, note, orNa, showWhen, subhead, TWO_DP, value } = sbi;

  const IS_LAND_AND_BUILDING = 'd.values.isFlat:ifNE(true)';
  const ABSTRACT_HEADING = 'TOTAL ABSTRACT OF THE ENTIRE PROPERTY';
  const SBI_SUBTITLE = 'State Bank of India — Format';

  function text(runs: DocxRun | readonly DocxRun[]): string {
    if (typeof runs === 'string') return runs;
    if ('text' in runs) return runs.text;
    return runs.map((run) => text(run)).join('');
  }

  /** The SBI subtitle names SBI's form; the PSU report names its own. */
  function retitled(block: DocxBlock): DocxBlock {
    if (block.kind !== 'paragraph' || !text(block.runs).startsWith(SBI_SUBTITLE)) return block;
    return {
      ...block,
      runs:
        `${input('addressee.bank')} — PSU generic format ` +
        `(properties of value Rs. 5 crore and above) · Ref. ${input('reportMeta.refNo')} · ${value('reportDateDisplay')}`,
    };
  }

  const floor = (field: string, formatters = ''): string => input(`partB_building.floors[i].${field}`, formatters);

  const SEPARATE_AREAS: readonly DocxBlock[] = [
    heading('PLINTH, CARPET AND SALEABLE AREAS'),
    {
      kind: 'table',
      widths: [1.1, 4.3, 2.9, 2.9, 2.9, 2.9],
      rows: [
        {
          header: true,
          cells: ['No.', 'Floor', 'Plinth (sq m)', 'Carpet (sq m)', 'Saleable (sq m)', 'Approved (sq m)'],
          align: ['left', 'left', 'right', 'right', 'right', 'right'],
        },
        {
          cells: [
            floor('floor', ':count()'),
            floor('floor'),
            floor('plinthAreaSqm', TWO_DP),
            floor('carpetAreaSqm', `${TWO_DP}:ifEM:show('NA')`),
            floor('saleableAreaSqm', `${TWO_DP}:ifEM:show('NA')`),
            floor('approvedAreaSqm', `${TWO_DP}:ifEM:show('NA')`),
          ],
          align: ['left', 'left', 'right', 'right', 'right', 'right'],
        },
        { cells: [input('partB_building.floors[i+1].floor'), '', '', '', '', ''] },
        {
          bold: true,
          cells: [
            '',
            'Total',
            value('builtUpTotalSqm', `${TWO_DP}:ifEM:show('NA')`),
            value('carpetTotalSqm', `${TWO_DP}:ifEM:show('NA')`),
            value('saleableTotalSqm', `${TWO_DP}:ifEM:show('NA')`),
            value('approvedTotalSqm', `${TWO_DP}:ifEM:show('NA')`),
          ],
          align: ['left', 'left', 'right', 'right', 'right', 'right'],
        },
      ],
    },
  ];

  const TOWN_PLANNING: readonly DocxBlock[] = [
    heading('TOWN PLANNING PARAMETERS'),
    formTable([
      item('1.', 'Zoning / land use as per the master plan', orNa(input('townPlanning.zoning'))),
      subhead('2.', 'FAR / FSI'),
      item('a)', 'Permitted', orNa(input('townPlanning.permissibleFsi'))),
      item('b)', 'Consumed', orNa(value('fsiConsumed', ':formatIndian(3)'))),
      subhead('3.', 'Ground coverage'),
      item(
        'a)',
        'Permitted',
        `${orNa(input('townPlanning.permissibleGroundCoveragePct'))}${input('townPlanning.permissibleGroundCoveragePct', ":ifNEM:show(' %')")}`,
      ),
      item(
        'b)',
        'Consumed',
        `${value('groundCoveragePct', `${TWO_DP}:ifEM:show('NA')`)}${value('groundCoveragePct', ":ifNEM:show(' %')")}` +
          `; footprint ${areaSqm((f) => value('groundCoverageSqm', f))}`,
      ),
      subhead('4.', 'Setbacks (m)'),
      item('a)', 'Front', orNa(input('townPlanning.setbacksM.front'))),
      item('b)', 'Rear', orNa(input('townPlanning.setbacksM.rear'))),
      item('c)', 'Side 1', orNa(input('townPlanning.setbacksM.side1'))),
      item('d)', 'Side 2', orNa(input('townPlanning.setbacksM.side2'))),
      item(
        '5.',
        'Height permitted',
        `${orNa(input('townPlanning.heightPermittedM'))}${input('townPlanning.heightPermittedM', ":ifNEM:show(' m')")}`,
      ),
      item('6.', 'Remarks on town-planning compliance', orNa(input('townPlanning.remark'))),
    ]),
  ];

  const LOCATION: readonly DocxBlock[] = [
    heading('LOCATION AND NEIGHBOURHOOD'),
    formTable([
      item('1.', 'Neighbourhood layout', orNa(input('locationMap.neighbourhoodLayout'))),
      item('2.', 'Nearby landmarks', orNa(input('locationMap.landmarks'))),
      item(
        '3.',
        'Distance from the city centre',
        `${orNa(input('locationMap.distanceFromCityCentreKm'))}${input('locationMap.distanceFromCityCentreKm', ":ifNEM:show(' km')")}`,
      ),
      item(
        '4.',
        'Distance from the railway station',
        `${orNa(input('locationMap.distanceFromRailwayStationKm'))}${input('locationMap.distanceFromRailwayStationKm', ":ifNEM:show(' km')")}`,
      ),
    ]),
    note('The location map (Google map with the site pinned) is attached under GOOGLE MAP in the annexures.'),
  ];

  const PSU_EXTRAS: readonly DocxBlock[] = [
    ...showWhen(IS_LAND_AND_BUILDING, [...showWhen('d.values.hasBuilding:ifEQ(true)', SEPARATE_AREAS)]),
    ...TOWN_PLANNING,
    ...LOCATION,
  ];

  function psuBlocks(): DocxBlock[] {
    const blocks = (
      JSON.parse(
        JSON.stringify(sbi.SBI_REPORT_SPEC.blocks).replaceAll(
          'Valuation report (Format A / Format C)',
          'Valuation report (PSU generic format)',
        ),
      ) as DocxBlock[]
    ).map(retitled);
    const at = blocks.findIndex((block) => block.kind === 'heading' && block.text === ABSTRACT_HEADING);
    if (at === -1) throw new Error(`the SBI spec lacks the heading ${ABSTRACT_HEADING}`);
    return [...blocks.slice(0, at), ...PSU_EXTRAS, ...blocks.slice(at)];
  }

  return {
    ...sbi.SBI_REPORT_SPEC,
    title: 'PSU generic valuation report',
    blocks: psuBlocks(),
  };
}
