import type { Translate } from '../i18n/translate';
import { minutesLeftUntil } from '../status/time-left';
import type { CaptureState, CaptureStatus } from '../status/capture-status';

/** How the toolbar shows a tab's status: text, colours, icon shape and a spoken title. */
export interface BadgeView {
  readonly text: string;
  readonly background: string;
  readonly foreground: string;
  /** Each state has its own icon shape, so no state is told by colour alone. */
  readonly icon: CaptureState;
  readonly title: string;
}

const RED = '#B3261E';
const AMBER = '#F9AB00';
const GREY = '#5F6368';
const WHITE = '#FFFFFF';
const BLACK = '#000000';

export function badgeView(status: CaptureStatus, now: number, t: Translate): BadgeView {
  const name = t('extName');
  switch (status.state) {
    case 'active':
      return {
        text: 'REC',
        background: RED,
        foreground: WHITE,
        icon: 'active',
        title: t('badgeTitleActive', [name]),
      };
    case 'paused': {
      const minutes = minutesLeftUntil(status.until ?? now, now);
      return {
        text: `${minutes}m`,
        background: AMBER,
        foreground: BLACK,
        icon: 'paused',
        title: t('badgeTitlePaused', [name, String(minutes)]),
      };
    }
    case 'exempt':
      return {
        text: 'EX',
        background: GREY,
        foreground: WHITE,
        icon: 'exempt',
        title: t('badgeTitleExempt', [name]),
      };
    case 'off':
      return {
        text: '',
        background: GREY,
        foreground: WHITE,
        icon: 'off',
        title: t('badgeTitleOff', [name]),
      };
    case 'unknown':
      return {
        text: '',
        background: GREY,
        foreground: WHITE,
        icon: 'unknown',
        title: t('badgeTitleUnknown', [name]),
      };
  }
}
