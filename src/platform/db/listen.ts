import pg from 'pg';

export interface NoticeHandlers {
  /** A notice on the channel (its payload). */
  notice(payload: string): void;
  /** Listening (again): notices from now on arrive. */
  live(): void;
  /** The connection is lost (or the first cannot be made): notices may be missed until `live` is called again. Once per outage. */
  lost(err?: unknown): void;
}

export interface Listener {
  close(): Promise<void>;
}

/**
 * LISTEN on a PostgreSQL channel over a connection of its own, reconnecting with a growing pause
 * (0.1 s doubling to 5 s) when the connection is lost or cannot be made. Resolves after the first
 * try, listening or not (then `lost` was called and it keeps trying).
 */
export async function listen(url: string, channel: string, handlers: NoticeHandlers): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let closed = false;
  let pause = 100;
  let timer: NodeJS.Timeout | undefined;
  let down = false;
  const lost = (err?: unknown) => {
    if (down) return; // tell once per outage, not at every retry
    down = true;
    handlers.lost(err);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.notice(n.payload ?? '');
    });
    c.on('error', () => dropped(c));
    c.on('end', () => dropped(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    pause = 100;
    down = false;
    handlers.live();
  };

  const dropped = (c: pg.Client) => {
    if (client !== c || closed) return;
    client = undefined;
    lost();
    c.end().catch(() => {});
    retry();
  };

  const retry = () => {
    timer = setTimeout(() => {
      connect().catch((err: unknown) => {
        lost(err);
        pause = Math.min(pause * 2, 5_000);
        if (!closed) retry();
      });
    }, pause);
    timer.unref();
  };

  await connect().catch((err: unknown) => {
    lost(err);
    retry();
  });
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}
