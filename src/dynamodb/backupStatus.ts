import { statusMap } from '../util/statusMap';

/** BackupStatus: the row's icon, the panel's badge and the spoken words. */
export const backupStatus = statusMap(
  {
    AVAILABLE: { tone: 'ok', icon: 'archive', color: 'charts.green' },
    CREATING: { tone: 'progress', icon: 'loading~spin' },
    DELETED: { tone: 'muted', icon: 'trash', color: 'disabledForeground' },
  },
  { tone: 'info', icon: 'archive' },
);
