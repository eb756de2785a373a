import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@shequ/kit';
import { RedisLink } from './redis-link';

/** Registrations Redis missed while lost that are kept to write when it is back; past this the oldest are let go (their callers register again). */
const MAX_MISSED_WRITES = 1000;

interface MissedWrite {
  value: string;
  /** Epoch ms, or null for no expiry. */
  expiresAt: number | null;
}

/**
 * Apollo's key-value cache for automatic persisted queries, shared by every
 * gateway replica through Redis and kept in this process's memory as well
 * (an LRU as large as Apollo's own in-memory cache), so that persisted
 * queries keep working while Redis is down: writes go to both, reads ask
 * memory first and Redis on a miss. A persisted query's text never changes
 * for its hash, so the copy in memory is never stale. Registrations Redis
 * missed are written to it once it is back. Keys in Redis are prefixed;
 * TTLs are seconds. Talks to Redis through `RedisLink`.
 */
export class RedisCache implements KeyValueCache<string> {
  private readonly memory = new InMemoryLRUCache<string>();
  private readonly missed = new Map<string, MissedWrite>();

  private constructor(
    private readonly link: RedisLink,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    link.onBack(() => void this.writeMissed());
  }

  /** Connects before the gateway serves: an unreachable REDIS_URL stops the start (see `RedisLink.connect`). */
  static async connect(url: string, logger: Logger, prefix = 'shequ:apq:'): Promise<RedisCache> {
    return new RedisCache(await RedisLink.connect(url, logger), prefix, logger);
  }

  /** False while Redis is lost and persisted queries come from memory only. */
  get redisReachable(): boolean {
    return this.link.reachable;
  }

  async get(key: string): Promise<string | undefined> {
    const local = await this.memory.get(key);
    if (local !== undefined) {
      return local;
    }
    const stored = (await this.link.run((client) => client.get(this.prefix + key)))?.value;
    if (stored === null || stored === undefined) {
      return undefined;
    }
    await this.memory.set(key, stored);
    return stored;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.memory.set(key, value, options);
    const ttlSeconds = options?.ttl ? Math.ceil(options.ttl) : null;
    if (!(await this.write(key, value, ttlSeconds))) {
      this.remember(key, { value, expiresAt: ttlSeconds === null ? null : Date.now() + ttlSeconds * 1000 });
    }
  }

  async delete(key: string): Promise<boolean> {
    this.missed.delete(key);
    const inMemory = await this.memory.delete(key);
    const inRedis = (await this.link.run((client) => client.del(this.prefix + key)))?.value ?? 0;
    return inMemory || inRedis > 0;
  }

  async close(): Promise<void> {
    await this.link.close();
  }

  private async write(key: string, value: string, ttlSeconds: number | null): Promise<boolean> {
    const written = await this.link.run((client) => (ttlSeconds === null ? client.set(this.prefix + key, value) : client.set(this.prefix + key, value, 'EX', ttlSeconds)));
    return written !== null;
  }

  private remember(key: string, write: MissedWrite): void {
    this.missed.delete(key);
    this.missed.set(key, write);
    if (this.missed.size > MAX_MISSED_WRITES) {
      this.missed.delete(this.missed.keys().next().value as string);
    }
  }

  /** Other replicas find what this one registered while Redis was lost; whatever Redis misses again waits for its next return. */
  private async writeMissed(): Promise<void> {
    const pending = [...this.missed];
    this.missed.clear();
    let written = 0;
    for (const [key, { value, expiresAt }] of pending) {
      const ttlSeconds = expiresAt === null ? null : Math.ceil((expiresAt - Date.now()) / 1000);
      if (ttlSeconds !== null && ttlSeconds <= 0) {
        continue;
      }
      if (await this.write(key, value, ttlSeconds)) {
        written += 1;
      } else {
        this.remember(key, { value, expiresAt });
      }
    }
    if (written > 0) {
      this.logger.info({ written, stillMissed: this.missed.size }, 'persisted queries registered while Redis was lost are written to it');
    }
  }
}
