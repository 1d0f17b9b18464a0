import type { DB, Users } from '@stayhub/db';
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../domain/shared/dates.ts';
import { userIds } from './ids.ts';
import { addMinutes, atUtc } from './instants.ts';

export interface DemoLogin {
  role: 'guest' | 'host' | 'admin';
  email: string;
  password: string;
  name: string;
}

interface DemoUser extends DemoLogin {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  bio: string | null;
  avatar: string | null;
  /** Days before `today` the account was created. */
  joinedDaysAgo: number;
}

const ADMIN_PASSWORD = 'stayhub-demo-admin';
const HOST_PASSWORD = 'stayhub-demo-host';
const GUEST_PASSWORD = 'stayhub-demo-guest';

function demoUser(user: Omit<DemoUser, 'name'>): DemoUser {
  return { ...user, name: `${user.firstName} ${user.lastName}` };
}

const demoUsers: readonly DemoUser[] = [
  demoUser({
    id: userIds.admin,
    role: 'admin',
    email: 'admin@stayhub.test',
    password: ADMIN_PASSWORD,
    firstName: 'Alex',
    lastName: 'Morgan',
    phone: null,
    bio: null,
    avatar: null,
    joinedDaysAgo: 720,
  }),
  demoUser({
    id: userIds.hana,
    role: 'host',
    email: 'hana.host@stayhub.test',
    password: HOST_PASSWORD,
    firstName: 'Hana',
    lastName: 'Sato',
    phone: '+351912345678',
    bio: 'Architect splitting my time between Lisbon and Kyoto. I restore old homes and love sharing them; ask me for tram routes and the best pastéis de nata.',
    avatar: 'https://images.stayhub.test/avatars/hana.jpg',
    joinedDaysAgo: 640,
  }),
  demoUser({
    id: userIds.mateo,
    role: 'host',
    email: 'mateo.host@stayhub.test',
    password: HOST_PASSWORD,
    firstName: 'Mateo',
    lastName: 'García',
    phone: '+525512345678',
    bio: 'Former travel photographer from Mexico City. I host in four cities with local co-hosts, and reply within the hour.',
    avatar: 'https://images.stayhub.test/avatars/mateo.jpg',
    joinedDaysAgo: 600,
  }),
  demoUser({
    id: userIds.amara,
    role: 'guest',
    email: 'amara.guest@stayhub.test',
    password: GUEST_PASSWORD,
    firstName: 'Amara',
    lastName: 'Okafor',
    phone: '+447700900123',
    bio: null,
    avatar: 'https://images.stayhub.test/avatars/amara.jpg',
    joinedDaysAgo: 210,
  }),
  demoUser({
    id: userIds.lucas,
    role: 'guest',
    email: 'lucas.guest@stayhub.test',
    password: GUEST_PASSWORD,
    firstName: 'Lucas',
    lastName: 'Martin',
    phone: null,
    bio: null,
    avatar: null,
    joinedDaysAgo: 150,
  }),
  demoUser({
    id: userIds.sofia,
    role: 'guest',
    email: 'sofia.guest@stayhub.test',
    password: GUEST_PASSWORD,
    firstName: 'Sofia',
    lastName: 'Rossi',
    phone: '+393471234567',
    bio: null,
    avatar: null,
    joinedDaysAgo: 95,
  }),
];

/** Who can sign in to the demo, and with what (printed by the start command and the seed CLI). */
export const demoLogins: readonly DemoLogin[] = demoUsers.map(({ role, email, password, name }) => ({
  role,
  email,
  password,
  name,
}));

/**
 * Inserts the demo users that are not there yet. Only those are hashed (argon2id is deliberately slow,
 * and the start command seeds on every launch).
 */
export async function seedUsers(
  trx: Transaction<DB>,
  today: string,
  hashPassword: (password: string) => Promise<string>,
): Promise<number> {
  const ids = demoUsers.map((u) => u.id);
  const existing = await trx.selectFrom('users').select('user_id').where('user_id', 'in', ids).execute();
  const present = new Set(existing.map((u) => u.user_id));
  const missing = demoUsers.filter((u) => !present.has(u.id));
  if (missing.length === 0) return 0;

  const taken = await trx
    .selectFrom('users')
    .select('email')
    .where(
      'email',
      'in',
      missing.map((u) => u.email),
    )
    .executeTakeFirst();
  if (taken) throw new Error(`cannot seed the demo: ${taken.email} already belongs to another account`);

  const rows = await Promise.all(
    missing.map(async (u): Promise<Insertable<Users>> => {
      const joined = atUtc(addDays(today, -u.joinedDaysAgo), '09:00');
      return {
        user_id: u.id,
        email: u.email,
        password_hash: await hashPassword(u.password),
        first_name: u.firstName,
        last_name: u.lastName,
        phone_number: u.phone,
        role: u.role,
        bio: u.bio,
        avatar_url: u.avatar,
        email_verified_at: addMinutes(joined, 12),
        status: 'active',
        created_at: joined,
        updated_at: joined,
      };
    }),
  );
  const inserted = await trx
    .insertInto('users')
    .values(rows)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('user_id')
    .execute();
  return inserted.length;
}
