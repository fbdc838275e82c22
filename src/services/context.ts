/**
 * What every use case receives: the database, who acts, and the time. Services are the only
 * place that decides who may do what; routes and CLI commands just pass the actor along.
 */
import type { Db } from '../db/client.ts';
import type { Access, Grant } from '../core/access.ts';
import type { Locale } from '../contract/common.ts';

export interface Actor {
  /** 'person' for someone signed in (or their API token); 'system' for the local CLI operator. */
  kind: 'person' | 'system';
  /** null for the system actor. */
  personId: string | null;
  /** True when the hourly schedule acts as the system actor (the audit trail tells it from the CLI operator). */
  scheduled?: boolean;
  organisationId: string;
  name: string;
  email: string;
  locale: Locale;
  grants: Grant[];
  access: Access;
}

export interface Context {
  db: Db;
  actor: Actor;
  now: Date;
}

/** A context before anyone has signed in (first run, login). */
export interface AnonymousContext {
  db: Db;
  now: Date;
}
