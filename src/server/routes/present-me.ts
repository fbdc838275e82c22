/** The signed-in person as the web app needs it: organisation, grants and what they may do. */
import { eq } from 'drizzle-orm';
import type { Me } from '../../contract/auth.ts';
import { actions } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import type { Actor } from '../../services/context.ts';

export async function presentMe(db: Db, actor: Actor): Promise<Me> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, actor.organisationId));
  return {
    id: actor.personId!,
    name: actor.name,
    email: actor.email,
    locale: actor.locale,
    organisation: { id: org!.id, name: org!.name, slug: org!.slug },
    isAdmin: actor.access.isAdmin,
    grants: actor.grants,
    abilities: actions.filter((a) => actor.access.canAnywhere(a)),
  };
}
