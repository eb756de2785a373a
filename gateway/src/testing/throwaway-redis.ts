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
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(url))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill();
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}
