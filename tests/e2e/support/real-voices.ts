import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The system's own voices for an end-to-end test, on a machine with no sound card and no user
 * session: Debian's speech-dispatcher with its espeak-ng module, playing into a PulseAudio null
 * sink. The sink consumes sound at the speed it would be heard, so an utterance lasts as long as it
 * would through a loudspeaker and its end arrives when a listener would hear it end (ALSA's and
 * libao's null outputs swallow a sentence in a few milliseconds: the whole article would be "read"
 * before a test could pause it). Both daemons run from a temporary folder, on their own sockets;
 * nothing of the user's own sound or speech setup is read or changed.
 */

const SPEECH_DISPATCHER = '/usr/bin/speech-dispatcher';
const ESPEAK_NG_MODULE = '/usr/lib/speech-dispatcher-modules/sd_espeak-ng';
const PULSEAUDIO = '/usr/bin/pulseaudio';
/** Chromium talks to speech-dispatcher through this library, loaded when it starts speaking. */
const LIBSPEECHD = ['/usr/lib/x86_64-linux-gnu/libspeechd.so.2', '/usr/lib/aarch64-linux-gnu/libspeechd.so.2'];

/** The flag without which Chromium on Linux has no voices at all (content/browser/speech/tts_linux.cc). */
export const SPEECH_DISPATCHER_FLAG = '--enable-speech-dispatcher';

/** Why real voices cannot be had here, in one sentence; null when they can. */
export function realVoicesMissing(): string | null {
  const missing = [
    [SPEECH_DISPATCHER, 'speech-dispatcher'],
    [ESPEAK_NG_MODULE, 'speech-dispatcher-espeak-ng'],
    [PULSEAUDIO, 'pulseaudio'],
  ]
    .filter(([file]) => !existsSync(file!))
    .map(([, pkg]) => pkg!);
  if (!LIBSPEECHD.some((file) => existsSync(file))) missing.push('libspeechd2');
  return missing.length > 0 ? `Real voices need Debian's ${missing.join(', ')} (apt-get install ${missing.join(' ')}); not installed here.` : null;
}

export interface RealVoices {
  /** SPEECHD_ADDRESS for the browser: where its speech-dispatcher listens */
  address: string;
  stop: () => Promise<void>;
}

/**
 * SIGTERM, then SIGKILL if it is still there two seconds later: speech-dispatcher, told to
 * terminate, can wait much longer than that for its speech module to close.
 */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(killer);
}

/** Polls `ready` until it holds (a daemon's socket appearing), or fails saying what the daemon printed. */
async function waitUntil(ready: () => boolean, child: ChildProcess, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`${what} was not ready in 15 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startDaemon(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Starts a null-sink PulseAudio and a speech-dispatcher speaking through it with espeak-ng. */
export async function startRealVoices(): Promise<RealVoices> {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-voices-'));
  const home = path.join(root, 'home');
  const config = path.join(root, 'speechd');
  const runtime = path.join(root, 'run');
  for (const dir of [home, path.join(config, 'modules'), runtime]) mkdirSync(dir, { recursive: true });
  // Not $XDG_RUNTIME_DIR/pulse: that name is PulseAudio's own folder, which its clients create.
  const pulseSocket = path.join(runtime, 'sound.sock');
  const speechSocket = path.join(runtime, 'speechd.sock');
  const env = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_CONFIG_HOME: path.join(home, '.config') };

  const pulse = startDaemon(
    PULSEAUDIO,
    [
      '--no-cpu-limit',
      '-n', // no default.pa: only the two modules below
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--disable-shm=yes',
      '--load=module-null-sink',
      `--load=module-native-protocol-unix socket=${pulseSocket} auth-anonymous=1`,
    ],
    env,
  );
  const stops: Array<() => Promise<void>> = [() => stopProcess(pulse.child)];
  const stop = async (): Promise<void> => {
    for (const stopOne of [...stops].reverse()) await stopOne();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => existsSync(pulseSocket), pulse.child, 'PulseAudio', pulse.output);

    writeFileSync(
      path.join(config, 'speechd.conf'),
      ['AudioOutputMethod "pulse"', 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"', 'DefaultModule espeak-ng', ''].join('\n'),
    );
    // The module's own settings as Debian ships them (rates, indexing).
    const shipped = '/etc/speech-dispatcher/modules/espeak-ng.conf';
    const moduleConfig = path.join(config, 'modules', 'espeak-ng.conf');
    if (existsSync(shipped)) copyFileSync(shipped, moduleConfig);
    else writeFileSync(moduleConfig, '');
    const speech = startDaemon(
      SPEECH_DISPATCHER,
      ['--run-single', '--timeout', '0', '--config-dir', config, '--socket-path', speechSocket, '--log-dir', runtime, '--pid-file', path.join(runtime, 'speechd.pid')],
      { ...env, PULSE_SERVER: `unix:${pulseSocket}` },
    );
    stops.push(() => stopProcess(speech.child));
    await waitUntil(() => existsSync(speechSocket), speech.child, 'speech-dispatcher', speech.output);
    return { address: `unix_socket:${speechSocket}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
