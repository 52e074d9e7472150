import * as assert from 'node:assert/strict';
import { choiceField, dateField, listField, textField } from '../../src/filters/filterFields';
import { filterKeys, mergeFilters, summarizeFilters, type FilterSpec } from '../../src/filters/filterSpec';

/* The generic filter engine with a made-up view: what a fourth history gets without writing a validator. */
interface ToyFilters {
  readonly name?: string | undefined;
  readonly kind?: 'A' | 'B' | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const spec: FilterSpec<ToyFilters> = {
  title: () => 'Filter toys',
  fields: {
    name: textField({
      icon: 'tag',
      label: 'Name',
      noun: 'a toy name',
      validate: (text) => (/^[a-z]+$/i.test(text.trim()) ? undefined : 'Letters only.'),
      normalize: (text) => text.toLowerCase(),
      summary: (name) => `name ${name}`,
      prompt: { title: 'Name', prompt: 'A name.' },
    }),
    kind: choiceField<'A' | 'B'>({
      icon: 'symbol-enum',
      label: 'Kind',
      what: 'Kind',
      values: ['A', 'B'],
      unset: 'A',
      summary: (kind) => `kind ${kind}`,
      title: 'Kind',
      choices: [
        { value: 'A', label: 'A' },
        { value: 'B', label: 'B' },
      ],
    }),
    tags: listField<string>({
      icon: 'tag',
      label: 'Tags',
      what: 'Tags',
      problem: 'Tags must be a list of x, y.',
      values: ['x', 'y'],
      normalize: (tag) => tag.toLowerCase(),
      summary: (tags) => `tags ${tags.join('+')}`,
      title: 'Tags',
    }),
    from: dateField({ icon: 'calendar', label: 'From', title: 'From', summary: (from) => `from ${from}` }),
    to: dateField({ icon: 'calendar', label: 'To', title: 'To', summary: (to) => `to ${to}` }),
  },
  range: ['from', 'to'],
};

const problem = (base: ToyFilters, raw: unknown): string | undefined => {
  const merged = mergeFilters(spec, base, raw);
  return 'problem' in merged ? merged.problem : undefined;
};

describe('filter specs', () => {
  it('lists the keys in declaration order, for messages and the menu', () => {
    assert.deepEqual(filterKeys(spec), ['name', 'kind', 'tags', 'from', 'to']);
  });

  it('refuses anything but a plain object of known keys', () => {
    const shape = 'Filters are an object with the keys name, kind, tags, from, to.';
    for (const raw of [null, 42, 'x', [], new Date(), Object.create({ name: 'x' }) as object]) {
      assert.equal(problem({}, raw), shape);
    }
    assert.equal(problem({}, { colour: 'red' }), 'Unknown filter "colour"; known: name, kind, tags, from, to.');
    assert.equal(problem({}, JSON.parse('{"__proto__": {"name": "x"}}')), 'Unknown filter "__proto__"; known: name, kind, tags, from, to.');
  });

  it('reads each value by type, then by its rule', () => {
    assert.equal(problem({}, { name: 7 }), '"name" must be a toy name.');
    assert.equal(problem({}, { name: 'no digits 1' }), 'Letters only.');
    assert.equal(problem({}, { kind: 'C' }), 'Kind must be one of A, B.');
    assert.equal(problem({}, { tags: 'x' }), 'Tags must be a list of x, y.');
    assert.equal(problem({}, { tags: ['x', 3] }), 'Tags must be a list of x, y.');
    assert.equal(problem({}, { tags: ['z'] }), 'Tags must be a list of x, y.');
    assert.equal(problem({}, { tags: ['x', 'x'] }), 'Tags must not repeat a value.');
    assert.equal(problem({}, { from: 'soon' }), '"from" is not a date.');
    assert.match(problem({}, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }) ?? '', /must be before/);
    assert.match(problem({ to: '2026-01-01T00:00:00Z' }, { from: '2026-02-01T00:00:00Z' }) ?? '', /must be before/, 'checked against the current bound too');
  });

  it('merges over the current filters, normalised; null and undefined remove a filter', () => {
    assert.deepEqual(mergeFilters(spec, { name: 'old', kind: 'B' }, { name: ' Toy ', tags: ['X', 'y'], kind: null }), {
      filters: { name: 'toy', kind: undefined, tags: ['x', 'y'] },
    });
    assert.deepEqual(
      mergeFilters(spec, {}, { kind: 'A', tags: [] }),
      { filters: { kind: undefined, tags: undefined } },
      'defaults and empty lists are stored as not set',
    );
    assert.deepEqual(mergeFilters(spec, {}, { tags: ['X', 'x'] }), { filters: { tags: ['x'] } }, 'values equal once normalised are kept once');
  });

  it('summarises the set filters in field order', () => {
    assert.deepEqual(summarizeFilters(spec, {}), []);
    assert.deepEqual(summarizeFilters(spec, { to: 't', name: 'n', tags: ['x', 'y'] }), ['name n', 'tags x+y', 'to t']);
  });
});
