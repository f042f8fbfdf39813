import { useStore } from '@nanostores/react';
import { useRef, useState } from 'react';

import { download } from '../../export/download.ts';
import { chooseFiles } from '../../hooks/use-file-import.ts';
import { useMessages } from '../../hooks/use-messages.ts';
import { useModalDialog } from '../../hooks/use-modal-dialog.ts';
import type { InputKind } from '../../import/report.ts';
import {
  $import,
  importMode,
  openImport,
  removeChosenFile,
  resetImport,
  setChosenKind,
} from '../../state/import.ts';
import { KitDownload } from '../kit/KitDownload.tsx';
import { ImportReportView } from './ImportReportView.tsx';

const KINDS: readonly InputKind[] = ['communes', 'associations', 'grants', 'exchanges', 'offers', 'waldec'];

/**
 * Opening the user's own files: drop them or pick them, check what each was recognised as,
 * import (in the page, nothing uploaded), then read the report — rows read, kept, rejected and why.
 */
export function ImportDialog({ onImport, canAdd }: { onImport: () => void; canAdd: boolean }) {
  const m = useMessages();
  const state = useStore($import);
  const dialog = useModalDialog(state.open);
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { run, files } = state;
  const mode = importMode(files);
  const running = run.status === 'running';

  const take = (list: FileList | null) => {
    if (list && list.length > 0) void chooseFiles([...list]);
  };

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-title"
      onClose={() => openImport(false)}
      data-testid="import-dialog"
    >
      <h2 id="import-title">{m.importer.heading}</h2>
      <p>{m.importer.intro}</p>
      <p className="import-privacy">{m.importer.privacy}</p>
      <KitDownload place="import" />
      {run.status === 'done' ? null : (
        <div
          className={over ? 'import-drop is-over' : 'import-drop'}
          data-testid="import-drop"
          onDragEnter={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            take(e.dataTransfer.files);
          }}
        >
          <p>{m.importer.drop}</p>
          <button type="button" onClick={() => picker.current?.click()} disabled={running}>
            {m.importer.pick}
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.gz,.geojson,.json,.xlsx,.xls,.ods"
            hidden
            data-testid="import-picker"
            onChange={(e) => {
              take(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      )}
      {files.length > 0 && run.status !== 'done' ? (
        <ul className="import-chosen" data-testid="import-chosen">
          {files.map(({ id, file, kind }) => (
            <li key={id}>
              <span className="import-name">{file.name}</span>
              <select
                aria-label={m.importer.kindLabel(file.name)}
                value={kind ?? ''}
                disabled={running}
                onChange={(e) => setChosenKind(id, (e.target.value || null) as InputKind | null)}
              >
                <option value="">{m.importer.unknownKind}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {m.importer.kinds[k]}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => removeChosenFile(id)} disabled={running}>
                {m.importer.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 && run.status !== 'done' ? (
        <p className="import-mode" data-testid="import-mode">
          {mode === 'territoire'
            ? m.importer.modeTerritory
            : mode === 'ajout' && canAdd
              ? m.importer.modeAdd
              : m.importer.needTerritory}
        </p>
      ) : null}
      {run.status === 'running' ? (
        <div className="import-progress" role="status">
          <progress value={run.progress} max={1} />
          <span>{m.importer.reading(run.step)}</span>
        </div>
      ) : null}
      {run.status === 'error' ? (
        <p className="import-error" role="alert" data-testid="import-error">
          {m.importer.failed(run.message)}
        </p>
      ) : null}
      {run.status === 'done' ? (
        <>
          <p className="import-done" role="status" data-testid="import-done">
            {run.mode === 'territoire' ? m.importer.done : m.importer.doneAdd}
          </p>
          <ImportReportView report={run.report} rejected={run.rejected} />
        </>
      ) : null}
      <div className="import-actions">
        {run.status === 'done' ? (
          <>
            <button
              type="button"
              onClick={() =>
                download(
                  'rapport-import.json',
                  `${JSON.stringify(run.report, null, 2)}\n`,
                  'application/json;charset=utf-8',
                )
              }
              data-testid="import-download-report"
            >
              {m.importer.downloadReport}
            </button>
            <button type="button" onClick={resetImport}>
              {m.importer.again}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={onImport}
            disabled={running || !mode || (mode === 'ajout' && !canAdd)}
            data-testid="import-run"
          >
            {m.importer.run}
          </button>
        )}
        <button type="button" onClick={() => openImport(false)}>
          {m.importer.close}
        </button>
      </div>
    </dialog>
  );
}
