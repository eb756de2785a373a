import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from '@shequ/database';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A `redis-server` this test run started and owns: it can be stopped, started again on its port, or made to hang. */
export interface RedisServer extends TestRedis {
  port: number;
  /** SIGSTOP: it keeps its connections open and answers nothing, as a Redis that hangs. */
  pause(): void;
  /** SIGCONT: it answers again, the commands sent meanwhile included. */
  resume(): void;
}

/**
 * A `redis-server` from PATH on `port` (a free one when not given), keeping
 * nothing on disk, answering PING before this resolves. A test that stops
 * and restarts Redis needs one of its own, whatever TEST_REDIS_URL says.
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const url = `redis://127.0.0.1:${chosen}`;
  const server: ChildProcess = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let spawnError: Error | undefined;
  server.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(url))) {
    if (spawnError) {
      throw new Error(`redis-server could not be started (is it on PATH?): ${spawnError.message}`);
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill();
      throw new Error(`redis-server did not answer on port ${chosen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port: chosen,
    pause: () => server.kill('SIGSTOP'),
    resume: () => server.kill('SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) {
          resolve();
          return;
        }
        server.once('exit', () => resolve());
        // A paused server would not act on SIGTERM until continued.
        server.kill('SIGCONT');
        server.kill('SIGTERM');
      }),
  };
}

/**
 * A real Redis for tests: TEST_REDIS_URL when set, else a `redis-server`
 * from PATH started on a free port that keeps nothing on disk and is stopped
 * afterwards; null when neither exists.
 */
export async function startTestRedis(): Promise<TestRedis | null> {
  if (process.env.TEST_REDIS_URL) {
    return { url: process.env.TEST_REDIS_URL, stop: async () => undefined };
  }
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    return null;
  }
  return startRedisServer();
}
