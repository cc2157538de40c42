import vscode = require('vscode');
import { Calls } from '../api/calls';
import { StatusChecks } from '../instances/checks';
import { EventFeed } from '../instances/eventFeed';
import { Instances } from '../instances/instances';
import { Settings } from '../settings';
import { ReplyDocuments } from './replyDocuments';

/**
 * The base services every feature is handed, built once in `extension.ts`.
 * A feature that needs something of another feature gets it as a small
 * interface beside the kit, never by importing that feature.
 */
export interface Kit {
  instances: Instances;
  settings: Settings;
  calls: Calls;
  checks: StatusChecks;
  replies: ReplyDocuments;
  /** Webhook events received in this window, and connection updates they pushed. */
  feed: EventFeed;
  log: vscode.LogOutputChannel;
}
