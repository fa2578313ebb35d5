// The fixed text the engine prints in every kind of document: figure labels and source lines,
// the sources heading, and the descriptions screen readers hear for notes, links, images and
// QR codes. Translations are kept short, as a donor reads them on the page; a project changes
// any of them in content/strings/LANG.yaml (src/load/loadStrings.ts). Ids are camelCase with
// a capital, so they never clash with a document kind's name (lower case), under which a
// project's file gives that kind's strings.
import type { Translations } from './stringTable.js';

export const ENGINE_STRINGS = {
  /** `{{ref chart}}` and the appendix heading of a figure. */
  figureLabel: 'Figure {number}',
  /** Starts a figure's caption (a space follows). */
  figureCaption: 'Figure {number}.',
  /** Under a figure's caption: where its data comes from. */
  sourceLine: 'Source: {source}',
  sourcesTitle: 'Sources of figures',
  /** Descriptions for screen readers (PDF alt text). */
  noteTitle: 'Note {number}',
  noteBackLink: 'Back to the text of note {number}',
  linkAlt: 'Link to {href}',
  destAlt: 'Go to {dest}',
  imageAlt: 'Image {src}',
  qrAlt: 'QR code linking to {url}',
  /** HTML edition: the disclosure that shows a chart's data as a table, and its columns. */
  chartData: 'Data of figure {number}',
  dataLabelColumn: 'Indicator',
  dataValueColumn: 'Value',
  dataYearColumn: 'Year',
  dataSourceColumn: 'Source',
  /** Ends an entry of the sources list when its data file's sidecar names a licence. */
  sourceLicence: 'Licence: {licence}',
} as const;

export type EngineStrings = { readonly [K in keyof typeof ENGINE_STRINGS]: string };

// French sets a no-break space (U+00A0) before a colon.
const fr: EngineStrings = {
  figureLabel: 'Figure {number}',
  figureCaption: 'Figure {number}.',
  sourceLine: 'Source\u00a0: {source}',
  sourcesTitle: 'Sources des chiffres',
  noteTitle: 'Note {number}',
  noteBackLink: 'Retour au texte de la note {number}',
  linkAlt: 'Lien vers {href}',
  destAlt: 'Aller à {dest}',
  imageAlt: 'Image {src}',
  qrAlt: 'Code QR menant à {url}',
  chartData: 'Données de la figure {number}',
  dataLabelColumn: 'Indicateur',
  dataValueColumn: 'Valeur',
  dataYearColumn: 'Année',
  dataSourceColumn: 'Source',
  sourceLicence: 'Licence\u00a0: {licence}',
};

const es: EngineStrings = {
  figureLabel: 'Figura {number}',
  figureCaption: 'Figura {number}.',
  sourceLine: 'Fuente: {source}',
  sourcesTitle: 'Fuentes de las cifras',
  noteTitle: 'Nota {number}',
  noteBackLink: 'Volver al texto de la nota {number}',
  linkAlt: 'Enlace a {href}',
  destAlt: 'Ir a {dest}',
  imageAlt: 'Imagen {src}',
  qrAlt: 'Código QR que lleva a {url}',
  chartData: 'Datos de la figura {number}',
  dataLabelColumn: 'Indicador',
  dataValueColumn: 'Valor',
  dataYearColumn: 'Año',
  dataSourceColumn: 'Fuente',
  sourceLicence: 'Licencia: {licence}',
};

const vi: EngineStrings = {
  figureLabel: 'Hình {number}',
  figureCaption: 'Hình {number}.',
  sourceLine: 'Nguồn: {source}',
  sourcesTitle: 'Nguồn số liệu',
  noteTitle: 'Chú thích {number}',
  noteBackLink: 'Quay về đoạn văn có chú thích {number}',
  linkAlt: 'Liên kết đến {href}',
  destAlt: 'Đi đến {dest}',
  imageAlt: 'Hình ảnh {src}',
  qrAlt: 'Mã QR dẫn đến {url}',
  chartData: 'Dữ liệu của hình {number}',
  dataLabelColumn: 'Chỉ số',
  dataValueColumn: 'Giá trị',
  dataYearColumn: 'Năm',
  dataSourceColumn: 'Nguồn',
  sourceLicence: 'Giấy phép: {licence}',
};

// Khmer ends a label with ៖ (the Khmer colon) and a sentence with ។; the ordinal ទី reads
// "number" ("figure number 3").
const km: EngineStrings = {
  figureLabel: 'រូបភាពទី {number}',
  figureCaption: 'រូបភាពទី {number}៖',
  sourceLine: 'ប្រភព៖ {source}',
  sourcesTitle: 'ប្រភពតួលេខ',
  noteTitle: 'កំណត់សម្គាល់ទី {number}',
  noteBackLink: 'ត្រឡប់ទៅអត្ថបទនៃកំណត់សម្គាល់ទី {number}',
  linkAlt: 'តំណភ្ជាប់ទៅ {href}',
  destAlt: 'ទៅកាន់ {dest}',
  imageAlt: 'រូបភាព {src}',
  qrAlt: 'កូដ QR ភ្ជាប់ទៅ {url}',
  chartData: 'ទិន្នន័យនៃរូបភាពទី {number}',
  dataLabelColumn: 'សូចនាករ',
  dataValueColumn: 'តម្លៃ',
  dataYearColumn: 'ឆ្នាំ',
  dataSourceColumn: 'ប្រភព',
  sourceLicence: 'អាជ្ញាប័ណ្ណ៖ {licence}',
};

export const ENGINE_TRANSLATIONS: Translations<EngineStrings> = { fr, es, vi, km };
