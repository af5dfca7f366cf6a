/**
 * Real Syncthing daemons for the sync tests: each with its own home, GUI/REST port and sync port
 * on 127.0.0.1, discovery, relays, NAT traversal and usage reporting off, introduced to each
 * other by device id, sharing one folder. Everything is waited for through the REST API (the
 * daemon's own answer), never for a fixed time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../../support/free-port';

export const FOLDER_ID = 'quire-library';

/** Why the Syncthing tests cannot run here, or null when `syncthing` is on the PATH. */
export function syncthingMissing(): string | null {
  const probe = spawnSync('syncthing', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? 'the syncthing command is not installed (Debian: apt-get install syncthing)' : null;
}

interface FolderStatus {
  state: string;
  needTotalItems: number;
  errors: number;
  pullErrors: number;
}

export class SyncthingDaemon {
  private process: ChildProcess | null = null;
  readonly log: string[] = [];
  deviceId = '';

  private constructor(
    readonly home: string,
    readonly guiPort: number,
    readonly syncPort: number,
    private readonly apiKey: string,
  ) {}

  /** Generates keys and a config for a daemon that talks only to 127.0.0.1. */
  static async create(home: string): Promise<SyncthingDaemon> {
    const [guiPort, syncPort] = [await freePort(), await freePort()];
    const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`syncthing generate failed: ${generated.stderr}`);
    const configFile = path.join(home, 'config.xml');
    const config = readFileSync(configFile, 'utf8')
      .replace(/<address>127\.0\.0\.1:\d+<\/address>/, `<address>127.0.0.1:${guiPort}</address>`)
      .replace('<listenAddress>default</listenAddress>', `<listenAddress>tcp://127.0.0.1:${syncPort}</listenAddress>`)
      .replace('<globalAnnounceEnabled>true', '<globalAnnounceEnabled>false')
      .replace('<localAnnounceEnabled>true', '<localAnnounceEnabled>false')
      .replace('<relaysEnabled>true', '<relaysEnabled>false')
      .replace('<natEnabled>true', '<natEnabled>false')
      .replace('<startBrowser>true', '<startBrowser>false')
      .replace('<urAccepted>0', '<urAccepted>-1')
      .replace('<crashReportingEnabled>true', '<crashReportingEnabled>false')
      .replace(/<autoUpgradeIntervalH>\d+/, '<autoUpgradeIntervalH>0');
    writeFileSync(configFile, config);
    const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(config)?.[1];
    if (!apiKey) throw new Error('no API key in the generated Syncthing config');
    return new SyncthingDaemon(home, guiPort, syncPort, apiKey);
  }

  async start(): Promise<void> {
    this.process = spawn('syncthing', ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
      env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => this.log.push(...chunk.toString('utf8').split('\n').filter(Boolean).slice(-50));
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    const status = await this.waitFor(
      () => this.get<{ myID: string }>('/rest/system/status').catch(() => null),
      (answer) => answer !== null,
      'the daemon to answer on its REST API',
    );
    this.deviceId = status!.myID;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Introduces the other daemon and shares `folder` with it. */
  async share(folder: string, other: SyncthingDaemon): Promise<void> {
    await this.send('POST', '/rest/config/devices', { deviceID: other.deviceId, name: path.basename(other.home), addresses: [`tcp://127.0.0.1:${other.syncPort}`] });
    await this.send('POST', '/rest/config/folders', {
      id: FOLDER_ID,
      label: 'Quire library',
      path: folder,
      type: 'sendreceive',
      devices: [{ deviceID: this.deviceId }, { deviceID: other.deviceId }],
      rescanIntervalS: 3600,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
    });
  }

  /** Stops exchanging changes with the other device (both keep working on their own copy). */
  async pause(other: SyncthingDaemon): Promise<void> {
    await this.send('POST', `/rest/system/pause?device=${other.deviceId}`);
  }

  async resume(other: SyncthingDaemon): Promise<void> {
    await this.send('POST', `/rest/system/resume?device=${other.deviceId}`);
  }

  /** Scans the folder now (returns when the scan is done), so local changes are announced. */
  async scan(): Promise<void> {
    await this.send('POST', `/rest/db/scan?folder=${FOLDER_ID}`);
  }

  /** Whether this side has everything the other announced and the other has everything this side has. */
  async inSyncWith(other: SyncthingDaemon): Promise<boolean> {
    const connections = await this.get<{ connections: Record<string, { connected: boolean }> }>('/rest/system/connections');
    if (!connections.connections[other.deviceId]?.connected) return false;
    const status = await this.get<FolderStatus>(`/rest/db/status?folder=${FOLDER_ID}`);
    if (status.state !== 'idle' || status.needTotalItems !== 0) return false;
    const remote = await this.get<{ completion: number; needItems: number; needDeletes: number }>(`/rest/db/completion?folder=${FOLDER_ID}&device=${other.deviceId}`);
    return remote.completion === 100 && remote.needItems === 0 && remote.needDeletes === 0;
  }

  /** The ignore patterns Syncthing read from the folder's .stignore. */
  async ignores(): Promise<string[]> {
    return (await this.get<{ ignore: string[] | null }>(`/rest/db/ignores?folder=${FOLDER_ID}`)).ignore ?? [];
  }

  async get<T>(route: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${route}`, { headers: { 'X-API-Key': this.apiKey } });
    if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  private async send(method: 'POST' | 'PUT', route: string, body?: unknown): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${route}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  }

  /**
   * Polls `read` until `ok`; after `limitMs` throws with what was last seen and the daemon's last
   * log lines. Generous: Syncthing backs off for a minute when a file changes under its puller.
   */
  async waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string | (() => string), limitMs = 60_000): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) {
        const described = typeof what === 'string' ? what : what();
        throw new Error(`waited ${limitMs / 1000} s for ${described}; Syncthing said:\n${this.log.slice(-20).join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
