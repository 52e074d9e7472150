import * as assert from 'node:assert/strict';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { useEmulator } from './helpers';
import { ACCOUNT_ID } from './model';

describe('STS GetCallerIdentity', () => {
  const h = useEmulator('demo');

  it('answers the account every ARN of the sample data belongs to, over awsQuery', async () => {
    const identity = await h.sts().send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, ACCOUNT_ID);
    assert.match(identity.Arn ?? '', /^arn:aws:iam::\d{12}:user\//);
    const [entry] = await h.control.requests({ operation: 'GetCallerIdentity' });
    assert.equal(entry?.service, 'sts');
  });

  it('leaves RDS form requests to RDS (the API version tells them apart)', async () => {
    const clusters = await h.rds().send(new DescribeDBClustersCommand({}));
    assert.ok((clusters.DBClusters ?? []).length > 0);
  });
});
