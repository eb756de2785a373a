import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import Redis from 'ioredis';

/**
 * Apollo's key-value cache over Redis, so that every gateway replica shares
 * the automatic-persisted-query cache. Keys are prefixed; TTLs are seconds.
 */
export class RedisCache implements KeyValueCache<string> {
  private readonly client: Redis;

  constructor(url: string, private readonly prefix = 'shequ:apq:') {
    this.client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
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
