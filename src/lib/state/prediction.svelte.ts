/**
 * The purchase model of the open analysis: fitted in the worker when the prediction tab is first
 * shown (it takes seconds on large files), and again when the user moves the calibration split.
 */
import type { PredictionReport } from '../core/prediction.ts';
import type { EngineClient } from '../io/engine-client.ts';

export class PredictionView {
  readonly #client: EngineClient;
  report = $state.raw<PredictionReport | null>(null);
  calibrationEnd = $state<number | null>(null);
  computing = $state(false);

  constructor(client: EngineClient) {
    this.#client = client;
  }

  /** Fits once; later calls reuse the report until the split changes. */
  async ensure(): Promise<void> {
    if (this.report || this.computing) return;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    this.computing = true;
    const report = await this.#client.predict(this.calibrationEnd);
    if (!report) return;
    this.computing = false;
    this.report = report;
  }

  setCalibrationEnd(day: number): Promise<void> {
    this.calibrationEnd = day;
    return this.refresh();
  }
}
