import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { may } from '../../permissions';

/** A user who may work in a location (assignee of tasks, author of notes). */
export interface LocationUser {
  id: string;
  email: string;
}

/** The location's users as far as the caller may know them, and how to name any user id. */
export interface LocationUsers {
  /** The caller first; the agency's other users with access to the location when the caller may list users. */
  list: readonly LocationUser[];
  /** `you`, an email, or a short form of the id for a user the caller cannot list. */
  label: (userId: string | undefined) => string;
}

/**
 * Who can be assigned work in the location. Listing the agency's users needs `agency.users`; without
 * it the caller knows only themselves (the server still accepts any user with access to the location).
 */
export function useLocationUsers(me: Me | null, locationId: string | null): LocationUsers {
  const [others, setOthers] = useState<LocationUser[]>([]);
  const canList = me !== null && may(me, 'agency.users');
  const agencyId = me?.agency.id ?? '';
  const selfId = me?.user.id ?? '';

  useEffect(() => {
    setOthers([]);
    if (!canList || !locationId) return;
    let cancelled = false;
    api
      .listUsers(agencyId)
      .then((users) => {
        if (cancelled) return;
        setOthers(
          users
            .filter((u) => u.id !== selfId && !u.disabled && (u.agencyRole !== undefined || locationId in u.locationRoles))
            .map((u) => ({ id: u.id, email: u.email }))
            .sort((a, b) => a.email.localeCompare(b.email)),
        );
      })
      .catch(() => undefined); // only the caller to choose from
    return () => {
      cancelled = true;
    };
  }, [canList, agencyId, selfId, locationId]);

  const selfEmail = me?.user.email ?? '';
  return useMemo(() => {
    const list = selfId ? [{ id: selfId, email: selfEmail }, ...others] : others;
    return {
      list,
      label: (userId) => {
        if (!userId) return 'nobody';
        if (userId === selfId) return 'you';
        return list.find((u) => u.id === userId)?.email ?? `user ${userId.slice(0, 8)}`;
      },
    };
  }, [selfId, selfEmail, others]);
}
