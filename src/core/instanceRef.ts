/** An instance is a key on a host; the same key on two hosts is two instances. */
export interface InstanceRef {
  baseUrl: string;
  key: string;
}

export function instanceId(instance: InstanceRef): string {
  return `${instance.baseUrl}|${instance.key}`;
}

export function sameInstance(a: InstanceRef, b: InstanceRef): boolean {
  return a.baseUrl === b.baseUrl && a.key === b.key;
}
