import { commonEnvironmentSchema } from '../environment/common-environment';
import { parseEnvironment } from '../environment/parse-environment';
import { tracingSettingsOf } from './tracing-environment';

const ENDPOINT = 'http://127.0.0.1:4318';

describe('tracing settings', () => {
  it('are off without an OTLP endpoint', () => {
    expect(tracingSettingsOf({})).toBeNull();
    expect(tracingSettingsOf({ OTEL_SERVICE_NAME: 'governance' })).toBeNull();
  });

  it('are on with an endpoint, for all traces or for traces alone', () => {
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT })).toEqual({ serviceName: undefined });
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${ENDPOINT}/v1/traces`, OTEL_SERVICE_NAME: 'gateway-blue' })).toEqual({ serviceName: 'gateway-blue' });
  });

  it('are off when the SDK is disabled, or when a variable is invalid', () => {
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT, OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toBeNull();
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: Invalid url'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL: only http/json is supported'],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, 'OTEL_TRACES_SAMPLER: Invalid enum value'],
    [{ OTEL_TRACES_SAMPLER_ARG: '2' }, 'OTEL_TRACES_SAMPLER_ARG: Number must be less than or equal to 1'],
  ])('stop a process at start with the other variables, naming the bad one: %j', (env, message) => {
    expect(() => parseEnvironment(commonEnvironmentSchema, { NODE_ENV: 'development', ...env })).toThrow(message);
  });

  it('accept the standard settings', () => {
    const parsed = parseEnvironment(commonEnvironmentSchema, { NODE_ENV: 'development', OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' });
    expect(parsed.OTEL_TRACES_SAMPLER_ARG).toBe(0.1);
  });
});
