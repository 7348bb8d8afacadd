import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface NoticeHandlers {
  /** A notice on the channel (its payload). */
  notice(payload: string): void;
  /** Listening (again), and the first heartbeat is back: notices from now on arrive. */
  live(): void;
  /** The connection is lost, silent (a heartbeat late) or cannot be made: notices may be missed until `live` is called again. Once per outage. */
  lost(err?: unknown): void;
}

export interface Listener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** How often the connection proves it still works both ways (default 5 s); see `listen`. */
  heartbeatMs?: number;
}

/** Heartbeat payloads on the channel: never passed on as notices. */
const HEARTBEAT = 'heartbeat:';

/**
 * LISTEN on a PostgreSQL channel over a connection of its own. The connection counts as live only
 * while its heartbeats come back: every `heartbeatMs` it sends a NOTIFY on the channel that it must
 * receive itself. A connection that went silent without closing (a network dropping packets) would
 * otherwise look healthy until TCP gives up, minutes later; now it is lost once no heartbeat came
 * back for twice the interval, and replaced. Reconnects with a growing pause (0.1 s doubling to 5 s);
 * `live` comes with the first heartbeat back. Resolves after the first try, listening or not (then
 * it keeps trying).
 */
export async function listen(url: string, channel: string, handlers: NoticeHandlers, options: ListenOptions = {}): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  let client: pg.Client | undefined;
  let confirmed = false;
  let closed = false;
  let pause = 100;
  let timer: NodeJS.Timeout | undefined;
  let beating: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let down = false;
  const lost = (err?: unknown) => {
    if (down) return; // tell once per outage, not at every retry
    down = true;
    handlers.lost(err);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      application_name: `nextwork listen ${channel}`,
      // A silent network must not hold the connecting or the LISTEN for ever either.
      connectionTimeoutMillis: 2 * heartbeatMs,
      query_timeout: 2 * heartbeatMs,
    });
    const beat = `${HEARTBEAT}${randomUUID()}`;
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      const payload = n.payload ?? '';
      if (payload === beat) heard(c);
      else if (!payload.startsWith(HEARTBEAT)) handlers.notice(payload); // other servers' heartbeats
    });
    c.on('error', (err) => dropped(c, err));
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
    confirmed = false;
    // One heartbeat at a time: under load the last may still be on its way (a late one is caught by the deadline).
    let sending = false;
    const send = () => {
      if (sending) return;
      sending = true;
      c.query('select pg_notify($1, $2)', [channel, beat])
        .catch(() => {})
        .finally(() => (sending = false));
    };
    beating = setInterval(send, heartbeatMs);
    beating.unref();
    expectBeat(c);
    send();
  };

  const expectBeat = (c: pg.Client) => {
    clearTimeout(deadline);
    deadline = setTimeout(() => dropped(c, new Error(`no heartbeat back for ${2 * heartbeatMs} ms`)), 2 * heartbeatMs);
    deadline.unref();
  };

  const heard = (c: pg.Client) => {
    if (client !== c || closed) return;
    expectBeat(c);
    if (confirmed) return;
    confirmed = true;
    pause = 100;
    down = false;
    handlers.live();
  };

  const dropped = (c: pg.Client, err?: unknown) => {
    if (client !== c || closed) return;
    client = undefined;
    clearInterval(beating);
    clearTimeout(deadline);
    lost(err);
    c.end().catch(() => {});
    c.connection.stream.destroy(); // a silent connection would never finish saying goodbye
    retry();
  };

  const retry = () => {
    timer = setTimeout(() => {
      connect().catch((err: unknown) => {
        lost(err);
        if (!closed) retry();
      });
    }, pause);
    timer.unref();
    pause = Math.min(pause * 2, 5_000);
  };

  await connect().catch((err: unknown) => {
    lost(err);
    retry();
  });
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(beating);
      clearTimeout(deadline);
      const c = client;
      client = undefined;
      if (!c) return;
      const hangUp = setTimeout(() => c.connection.stream.destroy(), heartbeatMs); // a silent server never answers a goodbye
      await c.end().catch(() => {});
      clearTimeout(hangUp);
    },
  };
}
