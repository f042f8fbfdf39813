import { download } from '../../export/download.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { issueSentence } from '../../import/issue-text.ts';
import { rejectedRowsFileName } from '../../import/rejected-rows.ts';
import type { FileReport, ImportReport } from '../../import/report.ts';
import { isolate } from '../../i18n/isolate.ts';

/** Rejected rows listed per file before pointing to the full report. */
const SHOWN_REJECTIONS = 20;

function RejectedRows({ file }: { file: FileReport }) {
  const { m } = useFormat();
  if (file.rejected.length === 0) return null;
  return (
    <details className="import-rejected" data-testid={`import-rejected-${file.file}`}>
      <summary>{m.importer.rejectedRows(isolate(file.file))}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.importer.line}</th>
            <th scope="col">{m.importer.field}</th>
            <th scope="col">{m.importer.reason}</th>
          </tr>
        </thead>
        <tbody>
          {file.rejected.slice(0, SHOWN_REJECTIONS).flatMap((row) =>
            row.reasons.map((reason, i) => (
              <tr key={`${row.row}-${i}`}>
                <td>{row.row}</td>
                <td>{reason.field ?? '—'}</td>
                <td>
                  <code>{reason.code}</code> {reason.message_fr}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {file.rowsRejected > SHOWN_REJECTIONS ? (
        <p>{m.importer.more(file.rowsRejected - SHOWN_REJECTIONS)}</p>
      ) : null}
    </details>
  );
}

/** One file: how its lines divide, what was rejected or corrected (one sentence per kind), notes, downloads. */
function FileDetail({ file, rejectedCsv }: { file: FileReport; rejectedCsv: string | undefined }) {
  const f = useFormat();
  const { m } = f;
  const n = (value: number) => f.number(value, 0);
  return (
    <div className="import-file-detail" data-testid={`import-detail-${file.file}`}>
      <p>
        <strong>{isolate(file.file)}</strong>
        {file.lines ? <> — {m.importer.lines(file.lines, n)}</> : null}
      </p>
      {file.summary.length > 0 ? (
        <ul className="import-issues" aria-label={`${m.importer.problems} — ${isolate(file.file)}`}>
          {file.summary.map((s) => (
            <li
              key={`${s.severity}-${s.code}-${s.field ?? ''}`}
              className={s.severity === 'rejet' ? 'import-issue-rejected' : undefined}
            >
              {s.severity === 'rejet' ? <strong>{m.importer.rejected} : </strong> : null}
              {issueSentence(s, m.lang, n)}
            </li>
          ))}
        </ul>
      ) : null}
      {Object.keys(file.notes).length > 0 ? (
        <ul className="import-notes" aria-label={`${m.importer.notes} — ${isolate(file.file)}`}>
          {Object.entries(file.notes).map(([note, count]) => (
            <li key={note}>
              {note} : {n(count)}
            </li>
          ))}
        </ul>
      ) : null}
      {rejectedCsv ? (
        <button
          type="button"
          onClick={() => download(rejectedRowsFileName(file.file), rejectedCsv)}
          data-testid={`import-download-rejected-${file.file}`}
        >
          {m.importer.downloadRejected(isolate(file.file), file.rowsRejected)}
        </button>
      ) : null}
      <RejectedRows file={file} />
    </div>
  );
}

/** The import report as a person reads it: per file, rows read = kept + rejected, and why. */
export function ImportReportView({
  report,
  rejected,
}: {
  report: ImportReport;
  rejected: ReadonlyMap<string, string>;
}) {
  const f = useFormat();
  const { m } = f;
  const n = (value: number) => f.number(value, 0);
  return (
    <div className="import-report" data-testid="import-report">
      <p className={report.conserved ? 'import-conserved' : 'import-error'} role="status">
        {report.conserved ? m.importer.conserved : m.importer.notConserved}
      </p>
      <table className="import-files">
        <thead>
          <tr>
            <th scope="col">{m.importer.file}</th>
            <th scope="col">{m.importer.read}</th>
            <th scope="col">{m.importer.kept}</th>
            <th scope="col">{m.importer.rejected}</th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((file) => (
            <tr key={file.file} data-testid={`import-file-${file.file}`}>
              <th scope="row">
                {isolate(file.file)}
                <span className="import-format">
                  {file.format}, {file.encoding}
                </span>
              </th>
              <td>{n(file.rowsRead)}</td>
              <td>{n(file.rowsKept)}</td>
              <td>{n(file.rowsRejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="import-tables">
        {m.importer.tables(
          Object.entries(report.tables)
            .map(([table, count]) => `${table} ${n(count)}`)
            .join(', '),
        )}
      </p>
      {report.files.map((file) => (
        <FileDetail key={file.file} file={file} rejectedCsv={rejected.get(rejectedRowsFileName(file.file))} />
      ))}
    </div>
  );
}
