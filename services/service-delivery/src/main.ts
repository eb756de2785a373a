// First: OpenTelemetry (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch node:http and pg before anything loads them.
import '@shequ/kit/tracing';
import 'reflect-metadata';
import { runSubgraphMain } from '@shequ/kit';
import { serviceDeliverySubgraph } from './subgraph';

runSubgraphMain(serviceDeliverySubgraph);
