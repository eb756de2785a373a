import { StartupError, type Logger } from '@shequ/kit';
import Redis, { ReplyError } from 'ioredis';

/** How long a start waits for Redis before giving up. */
const CONNECT_TIMEOUT_MS = 3000;
/**
 * A command Redis has not answered by then fails, and Redis counts as lost:
 * a persisted-query lookup takes microseconds, so waiting longer only holds
 * the caller while the answer is in memory anyway.
 */
const COMMAND_TIMEOUT_MS = 500;
/** While lost with its connection still open (a Redis that hangs), it is asked this often whether it answers again. */
const PROBE_INTERVAL_MS = 1000;
/** Reconnecting never gives up; attempts come at most this far apart. */
const RECONNECT_MAX_DELAY_MS = 2000;

/** host:port of a Redis URL, never its password. */
export function redisAddressOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'an unparsable address';
  }
}

/**
 * The gateway's connection to Redis, for callers that have a fallback:
 * a command is sent only while Redis is reachable, and one that fails or
 * times out gives `null` at once instead of queueing or retrying (a caller
 * is waiting). Losing Redis and getting it back are logged once each, not
 * per request; ioredis reconnects by itself, and a Redis that hangs with
 * its connection open is probed until it answers. Talks to Redis (ioredis).
 */
export class RedisLink {
  private lostAt: number | null = null;
  private probe: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly whenBack: (() => void)[] = [];

  private constructor(
    private readonly client: Redis,
    private readonly address: string,
    private readonly logger: Logger,
  ) {
    client.on('close', () => this.lost('the connection closed'));
    client.on('ready', () => this.back());
  }

  /**
   * Connects and pings before the gateway serves: an unreachable REDIS_URL
   * stops the start with a message naming it, instead of a gateway that
   * starts without the Redis it was told to share.
   */
  static async connect(url: string, logger: Logger): Promise<RedisLink> {
    const address = redisAddressOf(url);
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Fail fast rather than wait: no queue while disconnected, no retry of a command cut off, a bound on each command.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_MAX_DELAY_MS),
    });
    // Every failed attempt emits 'error': the start reports the first below, and later only a change of state is logged.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } catch (error) {
      client.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new StartupError(`REDIS_URL: cannot reach Redis at ${address} (${reason.replace(url, address)})`);
    }
    return new RedisLink(client, address, logger);
  }

  /** False from the moment Redis is lost until it answers again. */
  get reachable(): boolean {
    return this.lostAt === null;
  }

  /** Called each time Redis is back after being lost. */
  onBack(listener: () => void): void {
    this.whenBack.push(listener);
  }

  /**
   * The command's result, or null when Redis is lost or the command fails.
   * An error reply (Redis answered, refusing this command) leaves Redis
   * reachable; anything else — a cut connection, a timeout — loses it.
   */
  async run<T>(command: (client: Redis) => Promise<T>): Promise<{ value: T } | null> {
    if (this.lostAt !== null || this.client.status !== 'ready') {
      return null;
    }
    try {
      return { value: await command(this.client) };
    } catch (error) {
      if (!(error instanceof ReplyError)) {
        this.lost(error instanceof Error ? error.message : String(error));
      }
      return null;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopProbing();
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private lost(reason: string): void {
    if (this.closing || this.lostAt !== null) {
      return;
    }
    this.lostAt = Date.now();
    this.logger.warn({ redis: this.address, reason }, 'Redis lost: persisted queries are served from this process’s memory until it is back');
    // A closed connection comes back through ioredis's reconnection ('ready'); one left open by a Redis that hangs only through a probe.
    this.probe = setInterval(() => {
      if (this.client.status === 'ready') {
        this.client.ping().then(
          () => this.back(),
          () => undefined,
        );
      }
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  private back(): void {
    if (this.closing || this.lostAt === null) {
      return;
    }
    const lostForMs = Date.now() - this.lostAt;
    this.lostAt = null;
    this.stopProbing();
    this.logger.info({ redis: this.address, lostForMs }, 'Redis is back: persisted queries are shared again');
    this.whenBack.forEach((listener) => listener());
  }

  private stopProbing(): void {
    if (this.probe) {
      clearInterval(this.probe);
      this.probe = null;
    }
  }
}
