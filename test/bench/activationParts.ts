import { BenchStack } from './benchStack';
import { hostMarks, openInspector } from './loopDelay';
import { extensionHostPid } from './measure';

/**
 * An extension's own share of VS Code's activation figure, from VS Code's own
 * performance marks in the extension host: its code loading (the `require`
 * alone) plus its `activate()` call. VS Code's figure also counts, inside "code
 * loading", whatever else the host runs in between: extensions activated at the
 * same moment (`onStartupFinished` starts several at once) load their code there.
 */
export interface ActivationParts {
  require: number;
  activate: number;
}

/** Undefined, with the reason logged, when the host's inspector cannot be reached (another process holds its port). */
export function activationParts(
  stack: BenchStack,
  node24: string,
  extensionId: string,
  log: (line: string) => void,
): ActivationParts | undefined {
  try {
    return readParts(stack, node24, extensionId);
  } catch (thrown) {
    log(`activation parts of ${extensionId} not read: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    return undefined;
  }
}

function readParts(stack: BenchStack, node24: string, extensionId: string): ActivationParts {
  const pid = extensionHostPid(stack.codeServer.dirs.userData);
  if (!pid) throw new Error('no extension host found for the bench workbench');
  openInspector(pid);
  const marks = hostMarks(node24, pid);
  const at = (name: string) => {
    const value = marks.get(`code/extHost/${name}/${extensionId}`);
    if (value === undefined) throw new Error(`VS Code's mark ${name} for ${extensionId} is missing`);
    return value;
  };
  return {
    require: at('didLoadExtensionCode') - at('willLoadExtensionCode'),
    activate: at('didActivateExtension') - at('willActivateExtension'),
  };
}
