import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from './accounts.schema.ts';

export interface ContactProfile {
  email: string;
  phone: string;
  showPhone: boolean;
  showEmail: boolean;
}

/** A person's own contact profile: the phone number and what they show the young people. */
export class ContactProfileRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string): Promise<ContactProfile | undefined> {
    const [row] = await this.db
      .select({ email: users.email, phone: users.phone, showPhone: users.showPhone, showEmail: users.showEmail })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    return row;
  }

  async save(userId: string, values: Omit<ContactProfile, 'email'>): Promise<void> {
    await this.db.update(users).set(values).where(eq(users.id, userId));
  }
}
