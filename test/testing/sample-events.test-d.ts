import { describe, expectTypeOf, it } from 'vitest';
import type { EdgeSenseDeviceDataEvent } from '../../src/senders/edgesense/events/index.js';
import type { PeridioDeviceReleaseChangedEvent } from '../../src/senders/peridio/events/index.js';
import { sampleEdgeSenseEvent, samplePeridioEvent } from '../../src/testing/index.js';

describe('sample event types', () => {
  it('returns the event type of the name', () => {
    expectTypeOf(samplePeridioEvent('device.release-changed')).toEqualTypeOf<PeridioDeviceReleaseChangedEvent>();
    expectTypeOf(sampleEdgeSenseEvent('device.data')).toEqualTypeOf<EdgeSenseDeviceDataEvent>();
  });

  it('types overrides by the event', () => {
    samplePeridioEvent('device.release-changed', { data: { data: { from_release: null } } });
    // @ts-expect-error to_release is not nullable
    samplePeridioEvent('device.release-changed', { data: { data: { to_release: null } } });
    // @ts-expect-error not an event name
    samplePeridioEvent('device.exploded');
    // @ts-expect-error temperature is a number
    sampleEdgeSenseEvent('device.data', { payload: { temperature: 'hot' } });
  });
});
