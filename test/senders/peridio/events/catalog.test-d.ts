import { describe, expectTypeOf, it } from 'vitest';
import { createExhaustiveRouter, createRouter, type EventNameOf } from '../../../../src/events/index.js';
import {
  peridioEvents,
  type PeridioAuthenticationFailureReason,
  type PeridioEventName,
} from '../../../../src/senders/peridio/events/index.js';
import { edgesenseEvents } from '../../../../src/senders/edgesense/events/index.js';

describe('Peridio event types', () => {
  it('names every event in the hyphen spelling', () => {
    expectTypeOf<EventNameOf<typeof peridioEvents>>().toEqualTypeOf<PeridioEventName>();
    expectTypeOf<PeridioEventName>().toEqualTypeOf<
      | 'device.connected'
      | 'device.disconnected'
      | 'device.authentication-failed'
      | 'device.checked-for-release'
      | 'device.claimed-release'
      | 'device.release-changed'
      | 'device.updated'
      | 'api_key.created'
      | 'webhook.test-fire'
      | 'webhook.request-failed'
    >();
  });

  it('types each handler with its payload, nulls and alternatives included', () => {
    createRouter(peridioEvents, {
      'device.release-changed': (event) => {
        expectTypeOf(event.payload.data.type).toEqualTypeOf<'release_changed' | 'release-changed'>();
        expectTypeOf(event.payload.data.data.to_release.version).toEqualTypeOf<string>();
        expectTypeOf(event.payload.data.data.from_release).toEqualTypeOf<
          { prn: string; version: string; known?: boolean | undefined; [key: string]: unknown } | null | undefined
        >();
      },
      'device.authentication-failed': (event) => {
        expectTypeOf(event.payload.data.data.reason).toEqualTypeOf<PeridioAuthenticationFailureReason>();
        expectTypeOf(event.payload.data.data.device.prn).toEqualTypeOf<string | null | undefined>();
      },
      'api_key.created': (event) => {
        const data = event.payload.data.data;
        // Either shape: the guide's key object or the OpenAPI description's PRN.
        expectTypeOf(data.api_key?.prn ?? data.api_key_prn).toEqualTypeOf<string | undefined>();
        if (data.api_key) expectTypeOf(data.api_key.name).toEqualTypeOf<string | null | undefined>();
        // @ts-expect-error either shape may be the one sent: api_key_prn may be absent
        void data.api_key_prn.length;
      },
      'device.checked-for-release': (event) => {
        const { current_release, release } = event.payload.data.data;
        expectTypeOf((current_release ?? release)?.version).toEqualTypeOf<string | undefined>();
      },
      'webhook.test-fire': (event) => {
        expectTypeOf(event.payload.data.data.webhook_prn).toEqualTypeOf<string | undefined>();
      },
      'device.connected': (event) => {
        expectTypeOf(event.payload.inserted_at).toEqualTypeOf<string>();
        expectTypeOf(event.payload.data.data.ip_address).toEqualTypeOf<string | null | undefined>();
      },
    });
  });

  it('needs all ten handlers when exhaustive, and refuses the underscore spelling as a key', () => {
    // @ts-expect-error nine of ten events have no handler
    createExhaustiveRouter(peridioEvents, { 'device.connected': () => undefined });
    createRouter(peridioEvents, {
      // @ts-expect-error keys are canonical names: device.release-changed
      'device.release_changed': () => undefined,
    });
  });
});

describe('EdgeSense event types', () => {
  it('types the documented readings and keeps the rest open', () => {
    createRouter(edgesenseEvents, {
      'device.data': (event) => {
        expectTypeOf(event.payload.payload.temperature).toEqualTypeOf<number | undefined>();
        expectTypeOf(event.payload.payload.vibration).toBeUnknown();
        expectTypeOf(event.payload.deviceId).toEqualTypeOf<string>();
      },
      'device.alert': (event) => expectTypeOf(event.payload.payload).toEqualTypeOf<{ [key: string]: unknown }>(),
    });
  });
});
