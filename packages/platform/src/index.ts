export { readEnvironment, type PlatformSettings } from './environment';
