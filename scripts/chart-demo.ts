// Renders a few sample charts to /tmp/charts.pdf for eyeballing.
//   npx esbuild scripts/chart-demo.ts --bundle --platform=node --format=esm \
//     --outfile=/tmp/chart-demo.mjs --packages=external && node /tmp/chart-demo.mjs
//   pdftoppm -r 100 -png /tmp/charts.pdf /tmp/charts
import { writeFileSync } from 'node:fs';
import { compileChart, type ChartScene } from '../src/charts/compileChart.js';
import { defaultChartTheme } from '../src/charts/chartTheme.js';
import { drawChart } from '../src/render/drawChart.js';
import { PDFDocument } from '../src/render/pdfkitModule.js';
import { fontPath } from '../src/fonts/fontRegistry.js';

const out = process.argv[2] ?? '/tmp/charts.pdf';
const theme = defaultChartTheme;
const COLUMN = 451; // A4 with 72pt margins

const datasets = {
  cases: [
    { type: 'Forced labour', cases: 412, year: '2021' },
    { type: 'Sexual exploitation', cases: 268, year: '2021' },
    { type: 'Forced marriage', cases: 131, year: '2021' },
    { type: 'Child labour', cases: 97, year: '2021' },
    { type: 'ពលកម្មដោយបង្ខំ', cases: 54, year: '2021' },
  ],
  funding: [
    { source: 'Bilateral donors', share: 46 },
    { source: 'Foundations', share: 27 },
    { source: 'Government', share: 18 },
    { source: 'Private sector', share: 9 },
  ],
  trend: [
    { year: '2016', region: 'Phnom Penh', returnees: 120 },
    { year: '2017', region: 'Phnom Penh', returnees: 180 },
    { year: '2018', region: 'Phnom Penh', returnees: 240 },
    { year: '2019', region: 'Phnom Penh', returnees: 210 },
    { year: '2020', region: 'Phnom Penh', returnees: 90 },
    { year: '2021', region: 'Phnom Penh', returnees: 150 },
    { year: '2022', region: 'Phnom Penh', returnees: 260 },
    { year: '2016', region: 'Battambang', returnees: 60 },
    { year: '2017', region: 'Battambang', returnees: 95 },
    { year: '2018', region: 'Battambang', returnees: 130 },
    { year: '2019', region: 'Battambang', returnees: 160 },
    { year: '2020', region: 'Battambang', returnees: 70 },
    { year: '2021', region: 'Battambang', returnees: 110 },
    { year: '2022', region: 'Battambang', returnees: 175 },
  ],
  milestones: [
    { date: '2016-03-01', label: 'Programme launch' },
    { date: '2018-07-15', label: 'Shelter opens in Battambang' },
    { date: '2020-04-01', label: 'COVID-19 border closures' },
    { date: '2022-01-10', label: 'National referral law' },
  ],
};

const specs: { title: string; spec: object; height?: number }[] = [
  {
    title: 'Bar',
    spec: {
      title: { text: 'Identified cases by type of exploitation', subtitle: 'Cases referred to partner shelters, 2021' },
      data: { name: 'cases' },
      mark: { type: 'bar', cornerRadiusEnd: 1.5 },
      encoding: {
        y: { field: 'type', type: 'nominal', sort: '-x', title: null },
        x: { field: 'cases', type: 'quantitative', title: 'Cases' },
      },
    },
    height: 170,
  },
  {
    title: 'Donut',
    spec: {
      title: 'Funding by source (%)',
      data: { name: 'funding' },
      mark: { type: 'arc', innerRadius: 45 },
      encoding: {
        theta: { field: 'share', type: 'quantitative' },
        color: { field: 'source', type: 'nominal', title: 'Source' },
      },
    },
    height: 170,
  },
  {
    title: 'Line',
    spec: {
      title: 'Returnees assisted per year',
      data: { name: 'trend' },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'year', type: 'temporal', timeUnit: 'year', title: 'Year' },
        y: { field: 'returnees', type: 'quantitative', title: 'Returnees' },
        color: { field: 'region', type: 'nominal', title: 'Province' },
      },
    },
    height: 190,
  },
  {
    title: 'Timeline',
    spec: {
      title: 'Programme milestones',
      data: { name: 'milestones' },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [2, 2] },
          encoding: { x: { field: 'date', type: 'temporal', title: null, axis: { format: '%Y' } } },
        },
        {
          mark: { type: 'point', filled: true, size: 40 },
          encoding: { x: { field: 'date', type: 'temporal' }, y: { datum: 0 } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, dy: -6, angle: 0 },
          encoding: {
            x: { field: 'date', type: 'temporal' },
            y: { datum: 0 },
            text: { field: 'label' },
          },
        },
      ],
      encoding: { y: { type: 'quantitative', axis: null, scale: { domain: [-1, 1] } } },
    },
    height: 90,
  },
];

async function main(): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('sans', fontPath('sans'));

  let y = 60;
  const charts: ChartScene[] = [];
  for (const s of specs) {
    const chart = await compileChart({ spec: s.spec, datasets, theme, width: COLUMN, height: s.height, specFile: s.title });
    charts.push(chart);
    for (const w of chart.warnings) console.warn(w);
    if (y + chart.height + 30 > doc.page.height - 40) {
      doc.addPage();
      y = 60;
    }
    // A thin frame shows the box the chart claims.
    doc.save().lineWidth(0.25).strokeColor('#ff00ff').rect(72, y, chart.width, chart.height).stroke().restore();
    const t0 = performance.now();
    drawChart(doc, chart, 72, y);
    const ms = performance.now() - t0;
    console.log(`${s.title}: ${chart.width.toFixed(1)}×${chart.height.toFixed(1)}pt, draw ${ms.toFixed(2)} ms, texts: ${chart.texts.join(' | ')}`);
    y += chart.height + 30;
  }
  doc.end();
  await done;
  writeFileSync(out, Buffer.concat(chunks));
  console.log('wrote', out);

  // Steady-state drawing cost (fonts already loaded).
  const scratch = new PDFDocument({ size: 'A4', margin: 72 });
  scratch.on('data', () => {});
  for (const [i, chart] of charts.entries()) {
    const n = 50;
    const t0 = performance.now();
    for (let k = 0; k < n; k++) drawChart(scratch, chart, 72, 72);
    console.log(`${specs[i].title}: ${((performance.now() - t0) / n).toFixed(3)} ms per draw`);
  }
  scratch.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
