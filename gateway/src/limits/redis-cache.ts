import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { StartupError } from '@shequ/kit';
import Redis from 'ioredis';

/** How long a start waits for Redis before giving up. */
const CONNECT_TIMEOUT_MS = 3000;

/** host:port of a Redis URL, never its password. */
function addressOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'an unparsable address';
  }
}

/**
 * Apollo's key-value cache over Redis, so that every gateway replica shares
 * the automatic-persisted-query cache. Keys are prefixed; TTLs are seconds.
 */
export class RedisCache implements KeyValueCache<string> {
  private constructor(
    private readonly client: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * Connects and pings before the gateway serves: an unreachable REDIS_URL
   * stops the start with a message naming it, instead of a gateway that
   * starts and then fails every persisted query.
   */
  static async connect(url: string, prefix = 'shequ:apq:'): Promise<RedisCache> {
    const client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 2 });
    // Failures are reported by connect() below; later ones by the command that meets them.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } catch (error) {
      client.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new StartupError(`REDIS_URL: cannot reach Redis at ${addressOf(url)} (${reason.replace(url, addressOf(url))})`);
    }
    return new RedisCache(client, prefix);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) {
      await this.client.set(this.prefix + key, value, 'EX', Math.ceil(options.ttl));
    } else {
      await this.client.set(this.prefix + key, value);
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(this.prefix + key)) > 0;
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}
