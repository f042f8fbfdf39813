/*
 * The look of each row role, shared by the XLSX and ODS writers: fonts, colours and wrapping.
 */
import type { RowRole } from './sheet-model.ts';

/** How the cells of a row role look. Colours are `#rrggbb`. */
export interface RoleStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: string;
  readonly fill: string | null;
  readonly wrap: boolean;
}

const base: RoleStyle = { size: 10, bold: false, italic: false, color: '#1f2933', fill: null, wrap: false };

/** Styles by role; a required field's header is darker than an optional one's. */
export const ROLE_STYLE: Readonly<Record<RowRole | 'required-header', RoleStyle>> = {
  title: { ...base, size: 14, bold: true, color: '#0b4f6c' },
  heading: { ...base, size: 12, bold: true, color: '#0b4f6c' },
  paragraph: { ...base, wrap: true },
  header: { ...base, bold: true, fill: '#dbe9f0', wrap: true },
  'required-header': { ...base, bold: true, color: '#ffffff', fill: '#0b4f6c', wrap: true },
  hint: { ...base, size: 9, italic: true, color: '#52606d', fill: '#f5f7fa', wrap: true },
  values: { ...base, wrap: true },
};
