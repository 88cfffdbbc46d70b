import { browser } from 'wxt/browser';
import type { Translate } from '@/utils/i18n/translate';
import type { PauseNotifier } from './pause-controller';

export const NOTIFICATION_ID = 'tally-pause';

function formatTime(epoch: number): string {
  return new Date(epoch).toLocaleTimeString(browser.i18n.getUILanguage(), {
    hour: 'numeric',
    minute: '2-digit',
  });
}

/**
 * System notifications about the pause. Firefox notifications have no
 * buttons, so there the text points to the toolbar button instead.
 */
export function createNotifier(t: Translate): PauseNotifier {
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  const show = async (title: string, message: string, pauseAgain: boolean): Promise<void> => {
    const buttons =
      pauseAgain && !import.meta.env.FIREFOX ? [{ title: t('notificationPauseAgain') }] : undefined;
    try {
      await browser.notifications.clear(NOTIFICATION_ID);
      await browser.notifications.create(NOTIFICATION_ID, {
        type: 'basic',
        iconUrl,
        title,
        message,
        ...(buttons ? { buttons } : {}),
      });
    } catch {
      // Notifications can be blocked by the system or policy; the badge still shows the state.
    }
  };
  return {
    endingSoon: (endsAt, canPauseAgain) =>
      show(
        t('notificationEndingTitle'),
        t(
          canPauseAgain && import.meta.env.FIREFOX
            ? 'notificationEndingBodyToolbar'
            : 'notificationEndingBody',
          [formatTime(endsAt)],
        ),
        canPauseAgain,
      ),
    ended: () => show(t('notificationEndedTitle'), t('notificationEndedBody'), false),
    clear: async () => {
      await browser.notifications.clear(NOTIFICATION_ID).catch(() => false);
    },
  };
}
