import superjson from 'superjson';

/** The one transformer module: the server and the SDK both use superjson (Dates survive the wire). */
export const transformer = superjson;
