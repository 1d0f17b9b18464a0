import { builder } from './builder.ts';
import './query.ts';
import './mutation.ts';

/** The whole graph; importing query.ts and mutation.ts registers every type they reach. */
export const graphqlSchema = builder.toSchema();
