import { parseAllDocuments, stringify } from 'yaml';
import { GENERATED_HEADER } from './deployment';

const STRINGIFY_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * A generated YAML file: the generated header, comment lines for the reader,
 * then each object as its own document (`---` between them), as kubectl and
 * Kustomize read multi-document files.
 */
export function yamlFile(comments: readonly string[], objects: readonly object[]): string {
  const head = [GENERATED_HEADER, ...comments.map((line) => (line === '' ? '#' : `# ${line}`))].join('\n');
  return `${head}\n${objects.map((object) => stringify(object, STRINGIFY_OPTIONS)).join('---\n')}`;
}

/** Every document of a YAML text, as plain objects; a syntax error throws, naming where. */
export function parseYamlDocuments(text: string, source: string): unknown[] {
  return parseAllDocuments(text).flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${source}: ${document.errors[0].message}`);
    }
    const value: unknown = document.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}
