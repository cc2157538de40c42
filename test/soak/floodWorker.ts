// A flood from a process of its own, so the extension host's event loop serves
// it and does not also have to send it. Argument: JSON {origin, shot, ms, parallel};
// prints the FloodResult as JSON.
import { flood } from './hostile';

const { origin, shot, ms, parallel } = JSON.parse(process.argv[2] ?? '{}') as {
  origin: string;
  shot: Parameters<typeof flood>[1];
  ms: number;
  parallel: number;
};
void flood(origin, shot, ms, parallel).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
