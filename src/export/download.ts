/** Saves `content` as a file named `name` (through a temporary link; nothing leaves the browser). */
export function download(name: string, content: Blob | string, type = 'text/csv;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** « symbiose-communes-2024-01_2025-12.csv »: a file name from the view, safe on every system. */
export function exportName(parts: readonly (string | null | undefined)[], extension: string): string {
  const slug = parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug}.${extension}`;
}
