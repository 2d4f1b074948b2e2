/** This browser install's device id (`dev_…`), minted once and kept across reloads. */
import { newId } from '../../../shared/ids';

const KEY = 'bizing.clientId';

export function clientId(): string {
  let id = localStorage.getItem(KEY);
  if (!id) {
    id = newId('devices');
    localStorage.setItem(KEY, id);
  }
  return id;
}

export function deviceLabel(): string {
  const ua = navigator.userAgent;
  const kind = /iPad|Tablet/i.test(ua) ? 'Tablet' : /Mobi/i.test(ua) ? 'Phone' : 'Computer';
  return `${kind} · ${new Date().toLocaleDateString()}`;
}
