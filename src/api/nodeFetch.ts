import fetch from 'node-fetch';
import { FetchLike } from './http';

/** The one place that binds the client to node-fetch; everything else takes a `FetchLike`. */
export const nodeFetch = fetch as unknown as FetchLike;
