import * as l10n from '@vscode/l10n';
import { parse, validate } from '@aws-sdk/util-arn-parser';

export const backupTypes = ['USER', 'SYSTEM', 'AWS_BACKUP', 'ALL'] as const;
export type BackupTypeFilter = (typeof backupTypes)[number];

const tableName = /^[a-zA-Z0-9_.-]{3,255}$/;

/** A table name (3–255 of `[a-zA-Z0-9_.-]`) or a DynamoDB table ARN, as ListBackups' TableName takes. */
export function validateTableInput(text: string): string | undefined {
  const value = text.trim();
  if (value.startsWith('arn:')) {
    if (value.length > 1024 || !validate(value)) {
      return l10n.t('Not a valid ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.');
    }
    const arn = parse(value);
    const name = arn.resource.startsWith('table/') ? arn.resource.slice('table/'.length) : '';
    if (arn.service !== 'dynamodb' || !tableName.test(name)) {
      return l10n.t('Not a DynamoDB table ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.');
    }
    return undefined;
  }
  if (value.length < 3 || value.length > 255) {
    return l10n.t('A table name has 3 to 255 characters.');
  }
  if (!tableName.test(value)) {
    return l10n.t('A table name uses only letters, digits, underscore (_), hyphen (-) and dot (.).');
  }
  return undefined;
}
