/**
 * A CPU profile of one command-line run (`node --cpu-prof`), summarised as the functions with the
 * most self time: where the engine's time goes, measured rather than guessed. The engine in the
 * browser's worker is the same code on the same V8, so the split carries over.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export function profileCli(csv: string, target: string, top = 15): string {
  const dir = mkdtempSync(join(tmpdir(), 'behoud-prof-'));
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`, cli, csv],
    { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 256 * 1024 * 1024 },
  );
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return 'no profile was written';
  renameSync(join(dir, file), target);
  const profile = JSON.parse(readFileSync(target, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    if (!frame) return;
    const where = frame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
    // tsx serves each module as one transformed line, so the file names the place, not the line.
    const key = `${frame.functionName || '(anonymous)'} — ${where || '(native)'}`;
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, micros]) =>
        `| ${key} | ${Math.round(micros / 1000)} ms | ${((100 * micros) / total).toFixed(1)} % |`,
    );
  return [
    `CPU profile of one CLI run (the same run timed twice: \`main()\`, then the pieces), ${Math.round(total / 1000)} ms sampled, top self time (${target}):`,
    '',
    '| function | self | share |',
    '| --- | ---: | ---: |',
    ...lines,
  ].join('\n');
}
