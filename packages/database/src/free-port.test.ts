import { createServer } from 'node:net';
import { ephemeralPortsStartAt, freePort, isPortFree } from './free-port';

describe('freePort', () => {
  it('gives ports below the range the operating system hands out on its own, each one bindable', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(ephemeralPortsStartAt());
    }
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    try {
      expect(await isPortFree(ports[0])).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
