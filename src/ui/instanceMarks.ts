import { InstanceRef } from '../core/instanceRef';

/**
 * Marks one feature puts on an instance for another to show (the watch's
 * "muted" in the sidebar), handed over in `extension.ts`.
 */
export interface InstanceMarks {
  muted(instance: InstanceRef): boolean;
  onDidChange(listener: () => void): { dispose(): void };
}
