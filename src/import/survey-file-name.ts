import { SHEETS } from '../kit/template-layout.ts';

/**
 * The name the associations sheet of `file` goes by in the report and its rejected-rows file
 * (« reponse.xlsx » → « reponse (feuille Associations).xlsx »): not the exchange sheet's. Apart
 * from `surveys.ts` so that the page's main bundle can use it without the spreadsheet reader.
 */
export function surveyFileName(file: string): string {
  const dot = file.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  return `${base} (feuille ${SHEETS.associations})${extension}`;
}
