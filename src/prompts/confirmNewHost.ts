import vscode = require('vscode');
import { hostOf, isKnownHost } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Kit } from '../ui/kit';
import { confirm } from '../ui/notify';

/** Why an instance is about to be used on a host: a link was opened, or Set Host moves it there. */
export type NewHostOrigin = 'link' | 'move';

/**
 * The one check before a token goes to a MegaAPI host never used in VS Code
 * (no saved instance on it, not the configured host): the user's explicit
 * yes, naming the host. A deep link and Set Host ask the same way. True when
 * the host is known or the user confirmed.
 */
export async function confirmNewHost(
  instance: InstanceRef,
  kit: Pick<Kit, 'instances' | 'settings'>,
  origin: NewHostOrigin,
): Promise<boolean> {
  const saved = kit.instances.all().map((i) => i.baseUrl);
  if (isKnownHost(instance.baseUrl, saved, kit.settings.baseUrl())) return true;
  const t = vscode.l10n.t;
  if (origin === 'link') {
    return confirm(
      t('Open the instance {0} on {1}?', instance.key, hostOf(instance.baseUrl)),
      t('Open'),
      t(
        'This link points to {0}, a MegaAPI host not used in VS Code before. The token entered for this instance will be sent there: open it only if you trust where the link came from.',
        instance.baseUrl,
      ),
    );
  }
  return confirm(
    t('Move the instance {0} to {1}?', instance.key, hostOf(instance.baseUrl)),
    t('Move'),
    t(
      '{0} is a MegaAPI host not used in VS Code before. The token of this instance will be sent there: move it only if you trust that host.',
      instance.baseUrl,
    ),
  );
}
