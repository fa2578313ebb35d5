// Sample chart specs and datasets shared by the chart tests.
export const datasets = {
  cases: [
    { type: 'Forced labour', cases: 412 },
    { type: 'Sexual exploitation', cases: 268 },
    { type: 'Forced marriage', cases: 131 },
    { type: 'Child labour', cases: 97 },
    { type: 'ពលកម្មកុមារ', cases: 54 },
  ],
  funding: [
    { source: 'Bilateral donors', share: 46 },
    { source: 'Foundations', share: 27 },
    { source: 'Government', share: 18 },
    { source: 'Private sector', share: 9 },
  ],
  trend: [
    { year: '2018', region: 'Phnom Penh', returnees: 240 },
    { year: '2019', region: 'Phnom Penh', returnees: 210 },
    { year: '2020', region: 'Phnom Penh', returnees: 90 },
    { year: '2021', region: 'Phnom Penh', returnees: 150 },
    { year: '2018', region: 'Battambang', returnees: 130 },
    { year: '2019', region: 'Battambang', returnees: 160 },
    { year: '2020', region: 'Battambang', returnees: 70 },
    { year: '2021', region: 'Battambang', returnees: 110 },
  ],
  milestones: [
    { date: '2016-03-01', label: 'Programme launch' },
    { date: '2018-07-15', label: 'Shelter opens' },
    { date: '2020-04-01', label: 'Border closures' },
    { date: '2022-01-10', label: 'Referral law' },
  ],
};

export const barSpec = {
  title: 'Identified cases by type',
  data: { name: 'cases' },
  mark: 'bar',
  encoding: {
    y: { field: 'type', type: 'nominal', sort: '-x', title: 'Type of exploitation' },
    x: { field: 'cases', type: 'quantitative', title: 'Cases' },
  },
  config: { axis: { labelFontSize: 11 } },
};

export const donutSpec = {
  title: 'Funding by source',
  data: { name: 'funding' },
  mark: { type: 'arc', innerRadius: 40 },
  encoding: {
    theta: { field: 'share', type: 'quantitative' },
    color: { field: 'source', type: 'nominal', title: 'Source' },
  },
};

export const lineSpec = {
  title: 'Returnees assisted',
  data: { name: 'trend' },
  mark: { type: 'line', point: true },
  encoding: {
    x: { field: 'year', type: 'temporal', timeUnit: 'year', title: 'Year' },
    y: { field: 'returnees', type: 'quantitative', title: 'Returnees' },
    color: { field: 'region', type: 'nominal', title: 'Province' },
  },
};

export const ordinalYearSpec = {
  data: { name: 'trend' },
  mark: 'bar',
  encoding: {
    x: { field: 'year', type: 'ordinal', timeUnit: 'year', title: 'Year' },
    y: { field: 'returnees', type: 'quantitative', aggregate: 'sum', title: 'Returnees' },
  },
};

export const timelineSpec = {
  title: 'Programme milestones',
  data: { name: 'milestones' },
  layer: [
    { mark: { type: 'rule', strokeDash: [2, 2] }, encoding: { x: { field: 'date', type: 'temporal', title: null } } },
    {
      mark: { type: 'text', align: 'left', dx: 3, dy: -4 },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { datum: 0 }, text: { field: 'label' } },
    },
  ],
  encoding: { y: { type: 'quantitative', axis: null, scale: { domain: [-1, 1] } } },
};

export interface SceneNodeLike {
  marktype?: string;
  role?: string;
  items?: SceneNodeLike[];
  text?: unknown;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  [k: string]: unknown;
}

/** Every scene item of the given mark type (depth first). */
export function findItems(node: SceneNodeLike, marktype: string, out: SceneNodeLike[] = []): SceneNodeLike[] {
  if (node.marktype === marktype) out.push(...(node.items ?? []));
  for (const item of node.items ?? []) if (item.items) findItems(item, marktype, out);
  return out;
}
