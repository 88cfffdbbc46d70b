import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIELD_MARKERS,
  RECORDER_MARKERS,
  REGION_MARKERS,
  UNMASK_MARKERS,
} from '@/utils/recorders/privacy-markers';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/recorder-markers.md'), 'utf8');

describe('privacy markers', () => {
  it('cover every recorder issue 4 names that honours DOM markers', () => {
    const names = RECORDER_MARKERS.map((r) => r.recorder);
    for (const recorder of [
      'rrweb',
      'PostHog',
      'Sentry Replay',
      'FullStory',
      'Hotjar',
      'Microsoft Clarity',
      'LogRocket',
      'Datadog RUM',
      'Heap',
      'Smartlook',
      'Mouseflow',
      'Contentsquare',
      'Amplitude',
      'Mixpanel',
      'OpenReplay',
      'Highlight',
      'Yandex Metrica Webvisor',
    ]) {
      expect(names).toContain(recorder);
    }
  });

  it('give every flagged field rrweb’s value mask, which its forks inherit', () => {
    expect(FIELD_MARKERS.attributes).toContainEqual(['data-rr-is-password', 'true']);
  });

  it('never mark and unmask with the same token', () => {
    const marking = new Set([
      ...FIELD_MARKERS.attributes.map(([n]) => n),
      ...REGION_MARKERS.attributes.map(([n]) => n),
      ...FIELD_MARKERS.classes,
      ...REGION_MARKERS.classes,
    ]);
    for (const [name] of UNMASK_MARKERS.attributes) expect(marking.has(name)).toBe(false);
    for (const name of UNMASK_MARKERS.classes) expect(marking.has(name)).toBe(false);
  });

  it('are all documented in docs/recorder-markers.md', () => {
    for (const recorder of RECORDER_MARKERS) {
      expect(doc, recorder.recorder).toContain(`| ${recorder.recorder} |`);
      for (const token of [...recorder.field, ...recorder.region, ...recorder.unmask]) {
        const name = 'attribute' in token ? token.attribute : token.className;
        expect(doc, `${recorder.recorder}: ${name}`).toContain(`\`${name}`);
      }
    }
  });
});
