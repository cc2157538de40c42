/** The known fields; any other field set through the control route is kept and served too. */
export interface WebhookData {
  webhookUrl?: string;
  webhookEnabled?: boolean;
  webhookSecondaryUrl?: string;
  webhookSecondaryEnabled?: boolean;
  [field: string]: unknown;
}

export interface WebhookSnapshot {
  webhook: WebhookData;
  /** Bodies of accepted `configWebhook` calls, in order. */
  webhookConfigs: unknown[];
}

/**
 * Starts as a customer's live setup, secondary URL included, so a client that
 * rewrites the whole webhook instead of the fields it means to change, or
 * forgets to put the original back, shows up in a test.
 */
const INITIAL_WEBHOOK: WebhookData = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};

/** An instance's webhook setting, and the `configWebhook` calls that changed it. */
export class WebhookState {
  readonly configs: unknown[] = [];
  data: WebhookData = { ...INITIAL_WEBHOOK };

  reset(): void {
    this.configs.length = 0;
    this.data = { ...INITIAL_WEBHOOK };
  }

  /**
   * Returns what is wrong, changing nothing, if a known field has the wrong
   * type. A field set to null is removed, so a test can stage a webhook
   * without, say, a secondary URL.
   */
  merge(fields: Record<string, unknown>): string | undefined {
    const problems = Object.entries(fields).flatMap(([name, value]) =>
      value === null ? [] : (webhookFieldProblem(name, value) ?? []),
    );
    if (problems.length > 0) return problems.join('; ');
    const next: WebhookData = { ...this.data };
    for (const [name, value] of Object.entries(fields)) {
      if (value === null) delete next[name];
      else next[name] = value;
    }
    this.data = next;
    return undefined;
  }

  snapshot(): WebhookSnapshot {
    return {
      webhook: { ...this.data },
      webhookConfigs: structuredClone(this.configs),
    };
  }
}

/** One check for the API route, the control route and the accessor, so none can store a webhook the others would refuse. */
function webhookFieldProblem(name: string, value: unknown): string | undefined {
  if (name === 'webhookEnabled' || name === 'webhookSecondaryEnabled') {
    return typeof value === 'boolean' ? undefined : 'webhookEnabled must be a boolean';
  }
  if (name !== 'webhookUrl' && name !== 'webhookSecondaryUrl') return undefined;
  if (typeof value !== 'string') return `${name} must be a string`;
  // Empty clears the URL; anything else must be absolute, as MegaAPI's servers cannot resolve a relative one.
  if (value !== '' && !/^https?:\/\/[^\s/]+/i.test(value)) return `${name} must be an http(s) URL`;
  return undefined;
}
