import net from 'node:net';

/**
 * A TCP proxy on loopback whose open connections can be frozen: from then on nothing passes either
 * way and nothing is closed, like a network that silently drops packets. New connections pass.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<{
  port: number;
  /** Stops what passes on open connections; with `everything`, new connections hang too (a frozen host). */
  freeze(everything?: boolean): void;
  close(): Promise<void>;
}> {
  const open = new Set<[net.Socket, net.Socket]>();
  let frozenHost = false;
  const hanging = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    if (frozenHost) {
      hanging.add(inbound.pause());
      return;
    }
    const outbound = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    open.add(pair);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    const end = () => {
      open.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    for (const s of pair) s.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze(everything = false) {
      frozenHost = everything;
      for (const [inbound, outbound] of open) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
      }
    },
    async close() {
      for (const s of hanging) s.destroy();
      for (const pair of open) for (const s of pair) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
