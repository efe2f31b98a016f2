/** A text in both languages of the product: Chinese first (zh-CN), English second. */
export interface Bilingual {
  zh: string;
  en: string;
}
