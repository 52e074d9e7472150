// Tree refresh discipline on a nested list (big-function's executions): a Load more must fire change
// events for the function node only (never undefined, VS Code's "whole tree"), and rows returned before
// must come back as the same nodes with the same TreeItem objects.
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/treeNode';
import type { TreeSample } from '../protocol';
import { RequestCursor, clickRow, isLoadMore, itemRows, touchTreeItems } from './host';

const loadMores = 3;

export async function measureTreeEvents(api: TestApi): Promise<TreeSample> {
  const provider = api.feature.views.get('lambda').provider;
  await vscode.commands.executeCommand(Command.lambdaFilter, { function: 'big-function' });
  const [fn] = itemRows(await provider.getChildren());
  if (!fn) {
    throw new Error('the function filter did not narrow the Lambda root to big-function');
  }
  const cursor = await RequestCursor.start();
  let rows = await provider.getChildren(fn);
  touchTreeItems(provider, rows);
  const nestedExpandRequests = (await cursor.take()).length;
  const nestedLoadMoreRequests: number[] = [];
  const sample: TreeSample = {
    nestedLoadMores: 0,
    eventsForOwner: 0,
    eventsUndefined: 0,
    eventsOther: 0,
    checkedRows: 0,
    nodesReplaced: 0,
    treeItemsRebuilt: 0,
    nestedExpandRequests,
    nestedLoadMoreRequests,
  };
  const subscription = provider.onDidChangeTreeData((node) => {
    if (node === undefined || node === null) {
      sample.eventsUndefined++;
    } else if (node === fn) {
      sample.eventsForOwner++;
    } else {
      sample.eventsOther++;
    }
  });
  try {
    for (let i = 0; i < loadMores; i++) {
      const before = itemRows(rows);
      const beforeItems = before.map((row) => provider.getTreeItem(row));
      const loadMore = rows.at(-1);
      if (!isLoadMore(loadMore)) {
        throw new Error('big-function has no Load more row');
      }
      await clickRow(loadMore);
      sample.nestedLoadMores++;
      rows = await provider.getChildren(fn);
      nestedLoadMoreRequests.push((await cursor.take()).length);
      const after: TreeNode[] = itemRows(rows);
      touchTreeItems(provider, rows);
      before.forEach((row, index) => {
        sample.checkedRows++;
        if (after[index] !== row) {
          sample.nodesReplaced++;
        }
        if (provider.getTreeItem(after[index]) !== beforeItems[index]) {
          sample.treeItemsRebuilt++;
        }
      });
    }
  } finally {
    subscription.dispose();
  }
  return sample;
}
