/** The earliest and latest of some `YYYY-MM-DD` dates, kept as rows go by (a file's period). */
export class DateSpan {
  first: string | null = null;
  last: string | null = null;

  add(date: string | null | undefined): void {
    if (!date) return;
    if (this.first === null || date < this.first) this.first = date;
    if (this.last === null || date > this.last) this.last = date;
  }

  /** Both ends, or null when no date was seen. */
  ends(): { first: string; last: string } | null {
    return this.first !== null && this.last !== null ? { first: this.first, last: this.last } : null;
  }
}
