import { createServer } from 'node:net';
import { freePort } from '@shequ/database';
import { portsInUse, portsInUseMessage } from './ports-in-use';

describe('portsInUse', () => {
  it('names the ports another program holds, and only those', async () => {
    const holder = createServer();
    const held = await freePort();
    await new Promise<void>((resolve) => holder.listen(held, '127.0.0.1', resolve));
    try {
      const open = await freePort();
      const taken = await portsInUse([
        { name: 'governance', port: held },
        { name: 'gateway', port: open },
      ]);
      expect(taken).toEqual([{ name: 'governance', port: held }]);
      expect(portsInUseMessage(taken)).toBe(`port ${held} (governance) already in use: is another \`pnpm start\` or a \`pnpm bench\` still running? Stop it, then start again.`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
