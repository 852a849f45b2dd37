import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../api/api-error';
import type { PackVersionSummary } from '../api/api-types';
import { uploadWithProgress } from '../api/upload-with-progress';
import { PACKS_QUERY_KEY } from '../reports/use-packs';

/** Upload a `.rpack`: the host re-validates it and stores it as a draft for review. */
export function PackUpload() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const send = async (file: File) => {
    setResult(null);
    setProgress(0);
    try {
      const answer = await uploadWithProgress<{ version: PackVersionSummary; created: boolean }>({
        url: '/v1/packs',
        body: file,
        contentType: 'application/octet-stream',
        onProgress: setProgress,
      });
      setResult({
        ok: true,
        text: `${answer.version.key}@${answer.version.version} ${answer.created ? 'uploaded as a draft' : 'was already uploaded with the same content'} (${answer.version.status}).`,
      });
      await client.invalidateQueries({ queryKey: PACKS_QUERY_KEY });
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="card pack-upload">
      <h2>Upload a pack</h2>
      <label htmlFor="pack-file">Pack archive (.rpack)</label>
      <input
        id="pack-file"
        type="file"
        accept=".rpack,application/gzip,application/octet-stream"
        disabled={progress !== null}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void send(file);
        }}
      />
      {progress !== null ? (
        <p role="status">
          <progress value={progress} max={1} aria-label="Pack upload" /> {Math.round(progress * 100)}% {progress >= 1 ? '— the host is checking the pack (fixtures run in the sandbox)…' : ''}
        </p>
      ) : null}
      {result ? (
        <p className={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="pack-upload-result">
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
