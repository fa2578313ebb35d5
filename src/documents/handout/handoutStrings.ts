// Everything the handout prints that the author did not write, beyond the engine's own strings
// (src/strings/engineStrings.ts). `{name}` slots are filled in. A project changes any of them
// under `handout:` in content/strings/LANG.yaml.
import type { Translations } from '../../strings/stringTable.js';

export const HANDOUT_STRINGS = {
  sourcesIntro: 'Estimates come from different years, areas and definitions; they are not a trend.',
  turnOver: 'Please turn over',
  backFooter: '{organisation} · {title}',
  donateAlt: 'Donate at {url}',
  placeholder: 'Placeholder contact details (example.org)',
} as const;

export type HandoutStrings = { readonly [K in keyof typeof HANDOUT_STRINGS]: string };

const fr: HandoutStrings = {
  sourcesIntro: 'Les estimations portent sur des années, des zones et des définitions différentes\u00a0: elles ne forment pas une tendance.',
  turnOver: 'Suite au verso',
  backFooter: '{organisation} · {title}',
  donateAlt: 'Faire un don sur {url}',
  placeholder: 'Coordonnées fictives (example.org)',
};

const es: HandoutStrings = {
  sourcesIntro: 'Las estimaciones corresponden a años, zonas y definiciones distintos; no muestran una tendencia.',
  turnOver: 'Continúa al dorso',
  backFooter: '{organisation} · {title}',
  donateAlt: 'Donar en {url}',
  placeholder: 'Datos de contacto de ejemplo (example.org)',
};

const vi: HandoutStrings = {
  sourcesIntro: 'Các ước tính thuộc những năm, khu vực và định nghĩa khác nhau; chúng không thể hiện một xu hướng.',
  turnOver: 'Xem tiếp ở mặt sau',
  backFooter: '{organisation} · {title}',
  donateAlt: 'Quyên góp tại {url}',
  placeholder: 'Thông tin liên hệ mẫu (example.org)',
};

const km: HandoutStrings = {
  sourcesIntro: 'ការប៉ាន់ស្មានទាំងនេះ មកពីឆ្នាំ តំបន់ និងនិយមន័យខុសៗគ្នា ដូច្នេះមិនអាចចាត់ទុកជានិន្នាការបានទេ។',
  turnOver: 'សូមមើលនៅខាងក្រោយ',
  backFooter: '{organisation} · {title}',
  donateAlt: 'បរិច្ចាគតាម {url}',
  placeholder: 'ព័ត៌មានទំនាក់ទំនងគំរូ (example.org)',
};

export const HANDOUT_TRANSLATIONS: Translations<HandoutStrings> = { fr, es, vi, km };
