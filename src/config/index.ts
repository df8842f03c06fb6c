export { loadSettings, type Settings } from './settings.ts';
