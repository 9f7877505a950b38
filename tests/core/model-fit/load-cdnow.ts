/**
 * CDNOW_sample.txt read through the real importer (readFile → detect → ingest), with the roles of
 * the published analyses: customer = column 2 (sample id), date = column 3, amount = column 5.
 */
import { readFileSync } from 'node:fs';
import { detect } from '../../../src/lib/core/ingest/detect.ts';
import { ingest } from '../../../src/lib/core/ingest/ingest.ts';
import type { ColumnRole } from '../../../src/lib/core/ingest/roles.ts';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { readFile } from '../../../src/lib/io/read-file.ts';
import { sharedData } from '../../shared-data.ts';

export const cdnowPath = `${sharedData}/CDNOW_sample.txt`;

let cached: Dataset | null = null;

export function loadCdnowDataset(): Dataset {
  if (cached) return cached;
  const read = readFile(new Uint8Array(readFileSync(cdnowPath)), 'CDNOW_sample.txt');
  if (!read.ok) throw new Error(`CDNOW not readable: ${read.code}`);
  const table = read.sheets[0].table;
  const detection = detect(table);
  const roles = detection.mapping.roles.map((_, i): ColumnRole =>
    i === 1 ? 'customer' : i === 2 ? 'date' : i === 4 ? 'amount' : 'ignore',
  );
  const result = ingest(table, { ...detection.mapping, roles });
  if (!result.ok) throw new Error(`CDNOW not ingested: ${result.issue}`);
  cached = result.dataset;
  return cached;
}
