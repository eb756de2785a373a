import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../environment/parse-environment';
import { listen } from './http-server';

describe('listen', () => {
  it('refuses a port another program holds with a startup error that names the port, not a stack trace', async () => {
    const holder = createServer();
    await listen(holder, 0, '127.0.0.1');
    const { port } = holder.address() as AddressInfo;
    const second = createServer();
    try {
      const refused = listen(second, port, '127.0.0.1');
      await expect(refused).rejects.toBeInstanceOf(StartupError);
      await expect(refused).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use by another program`);
      expect(second.listening).toBe(false);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
