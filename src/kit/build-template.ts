/*
 * The exchange collection template, ready to download: the model built from the published exchange
 * schema and a territory's associations, written as XLSX or ODS. Used by `scripts/build-kit.ts`
 * and, loaded lazily (exceljs is large), by the page of an imported territory.
 */
import { writeOds } from './ods-writer.ts';
import { buildTemplateModel, type TemplateInput } from './template-model.ts';
import type { TemplateFormat } from './template-layout.ts';

export type { TemplateAssociation, TemplateInput } from './template-model.ts';
export { TEMPLATE_FILES, type TemplateFormat } from './template-layout.ts';

/** The template's bytes in `format`; the same content in both. */
export async function buildExchangeTemplate(
  input: TemplateInput,
  format: TemplateFormat,
): Promise<Uint8Array> {
  const model = buildTemplateModel(input);
  if (format === 'ods') return writeOds(model);
  const { writeXlsx } = await import('./xlsx-writer.ts');
  return writeXlsx(model);
}
