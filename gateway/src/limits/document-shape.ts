import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface DocumentShape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives of a document with every fragment expanded
 * where it is used — so a fragment spread a hundred times counts a hundred
 * times — computed once per fragment, and safe against fragment cycles
 * (which validation rejects later; here they must simply not loop).
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const memo = new Map<string, DocumentShape>();
  const visiting = new Set<string>();

  const measureSelections = (selectionSet: SelectionSetNode | undefined): DocumentShape => {
    const shape: DocumentShape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      shape.directives += selection.directives?.length ?? 0;
      let inner: DocumentShape;
      if (selection.kind === Kind.FIELD) {
        shape.aliases += selection.alias ? 1 : 0;
        inner = selection.selectionSet ? measureSelections(selection.selectionSet) : { depth: 0, aliases: 0, directives: 0 };
        inner = { ...inner, depth: inner.depth + 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSelections(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  };

  const measureFragment = (name: string): DocumentShape => {
    const known = memo.get(name);
    if (known) {
      return known;
    }
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) {
      return { depth: 0, aliases: 0, directives: 0 };
    }
    visiting.add(name);
    const shape = measureSelections(fragment.selectionSet);
    visiting.delete(name);
    const withOwn = { ...shape, directives: shape.directives + (fragment.directives?.length ?? 0) };
    memo.set(name, withOwn);
    return withOwn;
  };

  const total: DocumentShape = { depth: 0, aliases: 0, directives: 0 };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const shape = measureSelections(definition.selectionSet);
      total.depth = Math.max(total.depth, shape.depth);
      total.aliases += shape.aliases;
      total.directives += shape.directives + (definition.directives?.length ?? 0);
    }
  }
  return total;
}
