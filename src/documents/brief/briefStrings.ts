// Everything the brief prints that the author did not write, beyond the engine's own strings
// (src/strings/engineStrings.ts). `{name}` slots are filled in. A project changes any of them
// under `brief:` in content/strings/LANG.yaml.
import type { Translations } from '../../strings/stringTable.js';

export const BRIEF_STRINGS = {
  contents: 'Contents',
  contentsEntryAlt: '{title}, page {page}',
  sourcesIntro: 'Every number in this brief comes from the project’s data files, each with its source and year. Estimates come from different years and use different definitions, so they are not a trend.',
  appendixTitle: 'Appendix: chart data',
  appendixFigureColumn: 'Figure',
  appendixValueColumn: 'Value',
  appendixYearColumn: 'Year',
  appendixSourceColumn: 'Source',
  appendixRowsLeftOut: 'The first {shown} of {total} rows. The chart is drawn from {files}.',
  contactTitle: 'Contact {organisation}',
  contactGive: 'Give',
  contactWebsite: 'Website',
  contactEmail: 'Email',
  contactPhone: 'Phone',
  contactAddress: 'Address',
  contactPlaceholder: 'These contact details are placeholders (example.org): replace them in content/config.yaml.',
} as const;

export type BriefStrings = { readonly [K in keyof typeof BRIEF_STRINGS]: string };

// In the appendix, "Figure" heads the column of what each row measures: an indicator.
const fr: BriefStrings = {
  contents: 'Sommaire',
  contentsEntryAlt: '{title}, page {page}',
  sourcesIntro: 'Tous les chiffres de ce document proviennent des fichiers de données du projet, chacun avec sa source et son année. Les estimations datent d’années différentes et ne reposent pas sur les mêmes définitions\u00a0: elles ne forment donc pas une tendance.',
  appendixTitle: 'Annexe\u00a0: données des graphiques',
  appendixFigureColumn: 'Indicateur',
  appendixValueColumn: 'Valeur',
  appendixYearColumn: 'Année',
  appendixSourceColumn: 'Source',
  appendixRowsLeftOut: 'Les {shown} premières lignes sur {total}. Le graphique est tiré de {files}.',
  contactTitle: 'Contacter {organisation}',
  contactGive: 'Faire un don',
  contactWebsite: 'Site web',
  contactEmail: 'E-mail',
  contactPhone: 'Téléphone',
  contactAddress: 'Adresse',
  contactPlaceholder: 'Ces coordonnées sont des exemples (example.org)\u00a0: remplacez-les dans content/config.yaml.',
};

const es: BriefStrings = {
  contents: 'Índice',
  contentsEntryAlt: '{title}, página {page}',
  sourcesIntro: 'Todas las cifras de este documento proceden de los archivos de datos del proyecto, cada una con su fuente y su año. Las estimaciones son de años distintos y usan definiciones distintas, por lo que no muestran una tendencia.',
  appendixTitle: 'Anexo: datos de los gráficos',
  appendixFigureColumn: 'Indicador',
  appendixValueColumn: 'Valor',
  appendixYearColumn: 'Año',
  appendixSourceColumn: 'Fuente',
  appendixRowsLeftOut: 'Las primeras {shown} de {total} filas. El gráfico se basa en {files}.',
  contactTitle: 'Contacto: {organisation}',
  contactGive: 'Donar',
  contactWebsite: 'Sitio web',
  contactEmail: 'Correo',
  contactPhone: 'Teléfono',
  contactAddress: 'Dirección',
  contactPlaceholder: 'Estos datos de contacto son de ejemplo (example.org): sustitúyalos en content/config.yaml.',
};

const vi: BriefStrings = {
  contents: 'Mục lục',
  contentsEntryAlt: '{title}, trang {page}',
  sourcesIntro: 'Mọi con số trong tài liệu này đều lấy từ các tệp dữ liệu của dự án, kèm theo nguồn và năm. Các ước tính được đưa ra vào những năm khác nhau và theo những định nghĩa khác nhau, vì vậy chúng không thể hiện một xu hướng.',
  appendixTitle: 'Phụ lục: dữ liệu biểu đồ',
  appendixFigureColumn: 'Chỉ số',
  appendixValueColumn: 'Giá trị',
  appendixYearColumn: 'Năm',
  appendixSourceColumn: 'Nguồn',
  appendixRowsLeftOut: '{shown} dòng đầu trong tổng số {total} dòng. Biểu đồ được vẽ từ {files}.',
  contactTitle: 'Liên hệ {organisation}',
  contactGive: 'Quyên góp',
  contactWebsite: 'Trang web',
  contactEmail: 'Email',
  contactPhone: 'Điện thoại',
  contactAddress: 'Địa chỉ',
  contactPlaceholder: 'Đây là thông tin liên hệ mẫu (example.org): hãy thay bằng thông tin thật trong content/config.yaml.',
};

const km: BriefStrings = {
  contents: 'មាតិកា',
  contentsEntryAlt: '{title} ទំព័រ {page}',
  sourcesIntro: 'តួលេខនីមួយៗក្នុងឯកសារនេះ បានមកពីឯកសារទិន្នន័យរបស់គម្រោង ដោយមានភ្ជាប់ប្រភព និងឆ្នាំ។ ការប៉ាន់ស្មានទាំងនេះ ធ្វើឡើងក្នុងឆ្នាំផ្សេងៗគ្នា និងប្រើនិយមន័យខុសៗគ្នា ដូច្នេះមិនអាចចាត់ទុកជានិន្នាការបានទេ។',
  appendixTitle: 'ឧបសម្ព័ន្ធ៖ ទិន្នន័យគំនូសតាង',
  appendixFigureColumn: 'សូចនាករ',
  appendixValueColumn: 'តម្លៃ',
  appendixYearColumn: 'ឆ្នាំ',
  appendixSourceColumn: 'ប្រភព',
  appendixRowsLeftOut: '{shown} ជួរដំបូងក្នុងចំណោម {total} ជួរ។ គំនូសតាងនេះគូរចេញពី {files}។',
  contactTitle: 'ទំនាក់ទំនង {organisation}',
  contactGive: 'បរិច្ចាគ',
  contactWebsite: 'គេហទំព័រ',
  contactEmail: 'អ៊ីមែល',
  contactPhone: 'ទូរស័ព្ទ',
  contactAddress: 'អាសយដ្ឋាន',
  contactPlaceholder: 'ព័ត៌មានទំនាក់ទំនងទាំងនេះគ្រាន់តែជាឧទាហរណ៍ (example.org)៖ សូមប្ដូរវានៅក្នុង content/config.yaml។',
};

export const BRIEF_TRANSLATIONS: Translations<BriefStrings> = { fr, es, vi, km };
