// Built as its own file next to the bench entry and required only when the first-page ratio runs, so the
// raw SDK is never in the module cache while activation is checked.
export { DynamoDBClient, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
