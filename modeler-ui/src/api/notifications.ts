/**
 * The caller's notifications in a location (`/api/v1/locations/{locationId}/notifications`): what
 * workflows' "internal notification" steps told them, newest first, until they read them.
 */
import { request } from './client';
import type { Notification, NotificationList, NotificationsRead } from './types';

const enc = encodeURIComponent;
const base = (locationId: string) => `/api/v1/locations/${enc(locationId)}/notifications`;

export const notificationsApi = {
  /** Newest first, at most `limit`, with the unread count. */
  list(locationId: string, limit = 20): Promise<NotificationList> {
    return request<NotificationList>(`${base(locationId)}?limit=${limit}`);
  },

  read(locationId: string, notificationId: string): Promise<Notification> {
    return request<Notification>(`${base(locationId)}/${enc(notificationId)}/read`, { method: 'POST' });
  },

  readAll(locationId: string): Promise<NotificationsRead> {
    return request<NotificationsRead>(`${base(locationId)}/read`, { method: 'POST' });
  },
};
