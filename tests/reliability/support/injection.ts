/**
 * Cypher (and Lucene) injection attempts in every string argument of the schema: every String or
 * ID argument of every root query field (and of the filter inputs), and every ID field of every
 * mutation input. Generated from the schema, so a new field is covered without editing this file.
 */
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  type GraphQLArgument, type GraphQLInputType, type GraphQLInputField,
} from 'graphql';
import { buildSchema } from '../../../server/graphql/schema.ts';
import { sampleCalls } from './mutations.ts';

/** Strings that would break out of a query if they were ever spliced into Cypher or Lucene. */
export const INJECTIONS = [
  "x' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  'somalia`]-() DETACH DELETE n RETURN 1 //',
  'name:* OR *:* OR aliasText:/.*/',
  '\u0000\u0001\u001f\ufffd',
  `${'a'.repeat(199)}'`,
];

/** One generated request. */
export interface InjectionCall {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  mutation: boolean;
}

const isStringish = (type: GraphQLInputType) => ['String', 'ID'].includes(getNamedType(type).name);

/** A harmless value for a required argument. */
function filler(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [filler(inner.ofType as GraphQLInputType)];
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (named.name === 'ID' || named.name === 'String') return 'somalia';
  if (named.name === 'Int') return 1;
  if (named.name === 'Float') return 1;
  if (named.name === 'Boolean') return false;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, filler(f.type)]));
  }
  return null;
}

/** Same shape as `type`, holding `payload` where a string goes. */
const payloadFor = (type: GraphQLInputType, payload: string): unknown => {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? [payload] : payload;
};

const typeString = (type: GraphQLInputType): string => String(type);

/** Requests for every String/ID argument (and String/ID field of an input argument) of every root query field. */
export function queryInjections(): InjectionCall[] {
  const schema = buildSchema();
  const calls: InjectionCall[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
    const args = field.args;
    const decl = args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
    const use = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const query = `query${decl ? `(${decl})` : ''} { ${field.name}${use ? `(${use})` : ''} ${selection} }`;
    const base = () => Object.fromEntries(args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, filler(a.type)]));
    const targets: { label: string; set(vars: Record<string, unknown>, payload: string): void }[] = [];
    for (const arg of args) {
      if (isStringish(arg.type) && isLeafType(getNamedType(arg.type))) {
        targets.push({ label: `${field.name}(${arg.name})`, set: (v, p) => { v[arg.name] = payloadFor(arg.type, p); } });
      }
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        for (const inner of Object.values(named.getFields()) as GraphQLInputField[]) {
          if (!isStringish(inner.type)) continue;
          targets.push({
            label: `${field.name}(${arg.name}.${inner.name})`,
            set: (v, p) => { v[arg.name] = { ...(v[arg.name] as object ?? {}), ...(filler(arg.type) as object), [inner.name]: payloadFor(inner.type, p) }; },
          });
        }
      }
    }
    for (const target of targets) {
      for (const payload of INJECTIONS) {
        const variables = base();
        target.set(variables, payload);
        calls.push({ label: target.label, query, variables, mutation: false });
      }
    }
  }
  return calls;
}

/** Requests for every ID-typed argument or input field (and relationship `type`) of every mutation. */
export function mutationInjections(): InjectionCall[] {
  const schema = buildSchema();
  const mutationFields = schema.getMutationType()!.getFields();
  const calls: InjectionCall[] = [];
  for (const sample of sampleCalls('rel_inj')) {
    const field = mutationFields[sample.field];
    const paths: { label: string; path: string[] }[] = [];
    const visit = (arg: GraphQLArgument | GraphQLInputField, path: string[]) => {
      const named = getNamedType(arg.type);
      const reference = named.name === 'ID' || (named.name === 'String' && ['type', 'source', 'section'].includes(arg.name));
      if (reference) paths.push({ label: `${sample.field}(${path.join('.')})`, path });
      if (isInputObjectType(named)) for (const inner of Object.values(named.getFields())) visit(inner, [...path, inner.name]);
    };
    for (const arg of field.args) visit(arg, [arg.name]);
    for (const { label, path } of paths) {
      for (const payload of INJECTIONS.slice(0, 4)) {
        const variables = structuredClone(sample.variables);
        let holder: Record<string, unknown> = variables;
        for (const key of path.slice(0, -1)) {
          holder[key] ??= {};
          const next = holder[key];
          // Lists of inputs (cite): put the payload in the first element.
          holder = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
        }
        holder[path[path.length - 1]] = payload;
        calls.push({ label, query: sample.query, variables, mutation: true });
      }
    }
  }
  return calls;
}
