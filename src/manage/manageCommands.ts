import vscode = require('vscode');
import { Kit } from '../ui/kit';
import { registerHostCommands } from './host';
import { registerLifecycleCommands } from './lifecycle';
import { registerTokenCommands } from './tokens';

export function registerManageCommands(context: vscode.ExtensionContext, kit: Kit): void {
  registerTokenCommands(context, kit);
  registerHostCommands(context, kit);
  registerLifecycleCommands(context, kit);
}
