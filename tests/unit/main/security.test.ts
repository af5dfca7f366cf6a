import { describe, expect, it } from 'vitest';
import type { App, Session } from 'electron';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { externalWebUrl, installSecurity, secureSession } from '../../../electron/main/security';
import { PAGE_CSP } from '../../../electron/shared/page-policy';
import { fake } from '../../support/fake-electron';

const ourUrl = pageUrl();

function guardedWindow() {
  installSecurity(fake.app as unknown as App, { isOurPage });
  return new fake.BrowserWindow();
}

describe('new windows (setWindowOpenHandler)', () => {
  it('denies every window and opens http and https links in the system browser', () => {
    const { webContents } = guardedWindow();
    expect(webContents.windowOpenHandler?.({ url: 'https://example.org/a?b=c#d' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.org/a?b=c#d',
      'http://example.org/',
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'quire-content://articles/a1b2c3d4e5f60718/content.html',
    'smb://attacker/share',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('never hands %s to the OS', (url) => {
    const { webContents } = guardedWindow();
    expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s away from our page is prevented', (eventName) => {
    const { webContents } = guardedWindow();
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      // The build itself from file:// is not our page any more: it would be blank there.
      'file:///opt/quire/out/renderer/index.html',
      'quire-app://app/assets/index.js',
      'quire-app://other/index.html',
      'quire-app://user@app/index.html',
      'quire-content://articles/a1b2c3d4e5f60718/content.html',
      'about:blank',
    ]) {
      expect(webContents.emitPreventable(eventName, { url }, url), url).toBe(true);
    }
  });

  it('reloading our own page (any hash) is allowed', () => {
    const { webContents } = guardedWindow();
    expect(webContents.emitPreventable('will-navigate', { url: ourUrl }, ourUrl)).toBe(false);
    expect(webContents.emitPreventable('will-navigate', { url: `${ourUrl}#/search` })).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const { webContents } = guardedWindow();
    expect(webContents.emitPreventable('will-attach-webview', {}, {}, { src: 'https://example.org/' })).toBe(true);
  });
});

describe('session', () => {
  const secured = () => {
    const ses = fake.session.defaultSession;
    secureSession(ses as unknown as Session);
    return ses;
  };

  it('denies every permission request and check', () => {
    const ses = secured();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler?.({}, permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('adds the page CSP to responses that have none, and keeps a stricter one', () => {
    const ses = secured();
    const respond = (responseHeaders: Record<string, string[]>) => {
      let answer: { responseHeaders: Record<string, string[]> } | undefined;
      ses.headersListener?.({ url: ourUrl, responseHeaders }, (response) => (answer = response as typeof answer));
      return answer!.responseHeaders;
    };
    expect(respond({ 'Content-Type': ['text/html'] })['Content-Security-Policy']).toEqual([PAGE_CSP]);
    const own = respond({ 'content-security-policy': ["default-src 'none'; sandbox"] });
    expect(own['content-security-policy']).toEqual(["default-src 'none'; sandbox"]);
    expect(own['Content-Security-Policy']).toBeUndefined();
  });

  it('the CSP allows scripts from our own files only, and no plugins, frames or forms', () => {
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    expect(PAGE_CSP).not.toContain('unsafe-eval');
    for (const directive of ["object-src 'none'", "frame-src 'none'", "form-action 'none'", "base-uri 'none'"]) {
      expect(PAGE_CSP).toContain(directive);
    }
  });

  it('secures sessions created later too', () => {
    installSecurity(fake.app as unknown as App, { isOurPage: () => false });
    const later = new (fake.session.defaultSession.constructor as new () => typeof fake.session.defaultSession)();
    fake.app.emit('session-created', later);
    expect(later.setPermissionRequestHandler).toHaveBeenCalled();
    expect(later.setPermissionCheckHandler).toHaveBeenCalled();
  });
});

describe('externalWebUrl', () => {
  it('accepts only well-formed http and https URLs', () => {
    expect(externalWebUrl('https://example.org')?.href).toBe('https://example.org/');
    expect(externalWebUrl('HTTP://EXAMPLE.ORG/x')?.protocol).toBe('http:');
    expect(externalWebUrl('javascript:void 0')).toBeNull();
    expect(externalWebUrl('//example.org')).toBeNull();
  });
});
