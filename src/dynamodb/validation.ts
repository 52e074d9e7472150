import * as l10n from '@vscode/l10n';
import { isArnSyntax, isTableName, parseArnOfKind } from '../aws/arn';

export const backupTypes = ['USER', 'SYSTEM', 'AWS_BACKUP', 'ALL'] as const;
export type BackupTypeFilter = (typeof backupTypes)[number];

/** A table name (3–255 of `[a-zA-Z0-9_.-]`) or a DynamoDB table ARN, as ListBackups' TableName takes. */
export function validateTableInput(text: string): string | undefined {
  const value = text.trim();
  if (value.startsWith('arn:')) {
    if (!isArnSyntax(value)) {
      return l10n.t('Not a valid ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.');
    }
    return parseArnOfKind(value, 'dynamodbTable') ? undefined : l10n.t('Not a DynamoDB table ARN. Expected arn:aws:dynamodb:REGION:ACCOUNT:table/NAME.');
  }
  if (value.length < 3 || value.length > 255) {
    return l10n.t('A table name has 3 to 255 characters.');
  }
  if (!isTableName(value)) {
    return l10n.t('A table name uses only letters, digits, underscore (_), hyphen (-) and dot (.).');
  }
  return undefined;
}
