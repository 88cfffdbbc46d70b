import type { MessageKey, Translate } from '../i18n/translate';
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

/** Each state's look; a paused badge's text is the minutes left, filled in below. */
const LOOKS: Record<
  CaptureState,
  {
    readonly text: string;
    readonly background: string;
    readonly foreground: string;
    readonly title: MessageKey;
  }
> = {
  active: { text: 'REC', background: RED, foreground: WHITE, title: 'badgeTitleActive' },
  paused: { text: '', background: AMBER, foreground: BLACK, title: 'badgeTitlePaused' },
  exempt: { text: 'EX', background: GREY, foreground: WHITE, title: 'badgeTitleExempt' },
  off: { text: '', background: GREY, foreground: WHITE, title: 'badgeTitleOff' },
  unknown: { text: '', background: GREY, foreground: WHITE, title: 'badgeTitleUnknown' },
};

export function badgeView(status: CaptureStatus, now: number, t: Translate): BadgeView {
  const { text, background, foreground, title } = LOOKS[status.state];
  const name = t('extName');
  const look = { background, foreground, icon: status.state };
  if (status.state === 'paused') {
    const minutes = String(minutesLeftUntil(status.until ?? now, now));
    const unconfirmed = status.pauseConfirmed === false;
    return {
      ...look,
      text: `${minutes}m`,
      title: t(unconfirmed ? 'badgeTitlePausedUnconfirmed' : title, [name, minutes]),
    };
  }
  const { code } = status.reason;
  if (code === 'agent-not-responding' || code === 'agent-incompatible') {
    // Not knowing is not "off": the toolbar says so.
    return { ...look, text: '?', title: t('badgeTitleAgentSilent', [name]) };
  }
  return { ...look, text, title: t(title, [name]) };
}
