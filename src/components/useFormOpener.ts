import * as React from 'react';
import { safeUrl } from '../model/links';

/**
 * Opens a SharePoint list form (through the host's opener, e.g. Teams' openLink, or a new
 * tab) and reloads the data when the user comes back to this page: the form saves in
 * another window, so returning is the moment the data may have changed.
 */
export function useFormOpener(reload: () => void, hostOpen?: (url: string) => void): (url: string) => void {
  const reloadOnReturn = React.useRef(false);
  React.useEffect(() => {
    const onReturn = (): void => {
      if (reloadOnReturn.current && (typeof document === 'undefined' || document.visibilityState !== 'hidden')) {
        reloadOnReturn.current = false;
        reload();
      }
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [reload]);
  return React.useCallback(
    (url: string): void => {
      const safe = safeUrl(url);
      if (!safe) return;
      reloadOnReturn.current = true;
      if (hostOpen) hostOpen(safe);
      else window.open(safe, '_blank', 'noopener');
    },
    [hostOpen]
  );
}
